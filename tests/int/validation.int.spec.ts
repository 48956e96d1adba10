import { beforeAll, describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import {
  createOrganization,
  createTask,
  latestOtp,
  PLACES,
  signInResident,
  uniquePhone,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

type Org = Awaited<ReturnType<typeof createOrganization>>
type Resident = Awaited<ReturnType<typeof signInResident>>

describe('bad input gets a clear 4xx', () => {
  let org: Org
  let resident: Resident
  let survey: number

  beforeAll(async () => {
    org = await createOrganization('lgu')
    resident = await signInResident({ barangayCode: PLACES.concepcionUno })
    survey = (
      await createTask(org.org.id, {
        fields: [
          { name: 'street', label: 'Street', type: 'text', required: true },
          { name: 'count', label: 'How many', type: 'number', required: true },
          {
            name: 'kind',
            label: 'Kind',
            type: 'select',
            required: false,
            options: ['lamp', 'pole'],
          },
        ],
      })
    ).id
  })

  it.each(['12345', '+14155550123', '02 8123 4567', '+63 900 123 4567', '', 42])(
    'rejects the phone %s with a hint',
    async (phone) => {
      const res = await api('POST', '/api/residents/otp/request', { body: { phone } })
      expect(res.status).toBe(400)
      expect(errorMessage(res)).toMatch(/Philippine mobile number/)
    },
  )

  it('rejects a body that is not JSON', async () => {
    const res = await api('POST', '/api/residents/otp/request', {
      body: '{phone:',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(errorMessage(res)).toMatch(/JSON/)
  })

  it('limits how often a phone gets codes, with Retry-After', async () => {
    const phone = uniquePhone()
    expect((await api('POST', '/api/residents/otp/request', { body: { phone } })).status).toBe(202)
    const again = await api('POST', '/api/residents/otp/request', { body: { phone } })
    expect(again.status).toBe(429)
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(errorMessage(again)).toMatch(/Wait/)
  })

  it('answers 401 to a wrong code and 429 once the code is locked', async () => {
    const phone = uniquePhone()
    await api('POST', '/api/residents/otp/request', { body: { phone } })
    const code = await latestOtp(phone)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++) {
      const res = await api('POST', '/api/residents/otp/verify', { body: { phone, code: wrong } })
      expect(res.status).toBe(401)
      expect(errorMessage(res)).toMatch(/wrong or has expired/)
    }
    const locked = await api('POST', '/api/residents/otp/verify', { body: { phone, code } })
    expect(locked.status).toBe(429)
    expect(
      (await api('POST', '/api/residents/otp/verify', { body: { phone, code: '12' } })).status,
    ).toBe(400)
  })

  it('signs a double-tapped first sign-in in once, with one resident', async () => {
    const phone = uniquePhone()
    await api('POST', '/api/residents/otp/request', { body: { phone } })
    const code = await latestOtp(phone)
    const results = await Promise.all(
      [1, 2, 3].map(() => api('POST', '/api/residents/otp/verify', { body: { phone, code } })),
    )
    for (const res of results) expect([200, 401]).toContain(res.status)
    expect(results.some((res) => res.status === 200)).toBe(true)
    const payload = await localPayload()
    const { totalDocs } = await payload.count({
      collection: 'residents',
      where: { phone: { equals: phone } },
    })
    expect(totalDocs).toBe(1)
  })

  it('counts every parallel wrong guess, so a code cannot be brute-forced in bursts', async () => {
    const phone = uniquePhone()
    await api('POST', '/api/residents/otp/request', { body: { phone } })
    const code = await latestOtp(phone)
    const wrong = (n: number) => String((Number(code) + n) % 1_000_000).padStart(6, '0')
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api('POST', '/api/residents/otp/verify', { body: { phone, code: wrong(i + 1) } }),
      ),
    )
    const statuses = guesses.map((g) => g.status)
    expect(statuses.filter((s) => s === 401)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(7)
    expect((await api('POST', '/api/residents/otp/verify', { body: { phone, code } })).status).toBe(
      429,
    )
  })

  it('sends one code for two quick taps', async () => {
    const phone = uniquePhone()
    const taps = await Promise.all(
      [1, 2, 3].map(() => api('POST', '/api/residents/otp/request', { body: { phone } })),
    )
    expect(taps.map((t) => t.status).sort()).toEqual([202, 429, 429])
    const payload = await localPayload()
    const { totalDocs } = await payload.count({
      collection: 'sms-outbox',
      where: { to: { equals: phone } },
    })
    expect(totalDocs).toBe(1)
  })

  it('rejects an unknown or closed task', async () => {
    const unknown = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: 999999, answers: {} },
    })
    expect(unknown.status).toBe(404)
    expect(errorMessage(unknown)).toMatch(/Task 999999 does not exist or is not open/)
    const closed = await createTask(org.org.id, { status: 'closed' })
    expect(
      (
        await api('POST', '/api/submissions', {
          token: resident.token,
          body: { task: closed.id, answers: { note: 'x' } },
        })
      ).status,
    ).toBe(404)
    const ended = await createTask(org.org.id, {
      endsAt: new Date(Date.now() - 60_000).toISOString(),
    })
    expect(
      (
        await api('POST', '/api/submissions', {
          token: resident.token,
          body: { task: ended.id, answers: { note: 'x' } },
        })
      ).status,
    ).toBe(404)
    const noTask = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { answers: {} },
    })
    expect(noTask.status).toBe(400)
    expect(errorMessage(noTask)).toMatch(/"task"/)
  })

  it('lists every missing or malformed answer, and saves nothing', async () => {
    const res = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: survey, answers: { count: 'three', kind: 'tree', extra: 1 } },
    })
    expect(res.status).toBe(400)
    const message = errorMessage(res)
    expect(message).toMatch(/Street/)
    expect(message).toMatch(/"How many" must be a number/)
    expect(message).toMatch(/"Kind" must be one of: lamp, pole/)
    expect(message).toMatch(/"extra" is not a question/)
    const missing = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: survey },
    })
    expect(missing.status).toBe(400)
    expect(errorMessage(missing)).toMatch(/required/)
    const payload = await localPayload()
    expect(
      (await payload.count({ collection: 'submissions', where: { task: { equals: survey } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('treats a retried clientId as the same submission, and refuses a second one', async () => {
    const clientId = crypto.randomUUID()
    const body = { task: survey, answers: { street: 'Shoe Ave', count: 2 }, clientId }
    const first = await api('POST', '/api/submissions', { token: resident.token, body })
    expect(first.status).toBe(201)
    const retry = await api('POST', '/api/submissions', { token: resident.token, body })
    expect(retry.status).toBe(200)
    expect(retry.body.doc.id).toBe(first.body.doc.id)
    const second = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { ...body, clientId: crypto.randomUUID() },
    })
    expect(second.status).toBe(409)
    expect(errorMessage(second)).toMatch(/already submitted/)
    const badId = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { ...body, clientId: 'abc' },
    })
    expect(badId.status).toBe(400)
  })

  it('keeps to the per-resident cap when submissions race', async () => {
    const racer = await signInResident()
    const once = await createTask(org.org.id)
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        api('POST', '/api/submissions', {
          token: racer.token,
          body: { task: once.id, answers: { note: 'x' }, clientId: crypto.randomUUID() },
        }),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409])
    const payload = await localPayload()
    const { totalDocs } = await payload.count({
      collection: 'submissions',
      where: { task: { equals: once.id }, resident: { equals: racer.id } },
    })
    expect(totalDocs).toBe(1)
  })

  it('refuses tasks outside the resident’s barangay', async () => {
    const cebu = await createTask(org.org.id, { targetCodes: [PLACES.cebuCity] })
    const res = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: cebu.id, answers: { note: 'x' } },
    })
    expect(res.status).toBe(403)
    expect(errorMessage(res)).toMatch(/not open to residents of your barangay/)
  })

  it('refuses a home that is not a barangay, or not a place at all, and keeps the old one', async () => {
    const city = await api('PATCH', `/api/residents/${resident.id}`, {
      token: resident.token,
      body: { homeBarangay: PLACES.marikinaCity },
    })
    expect(city.status).toBe(400)
    expect(errorMessage(city)).toMatch(/choose a barangay/)
    const nowhere = await api('PATCH', `/api/residents/${resident.id}`, {
      token: resident.token,
      body: { homeBarangay: '0000000000' },
    })
    expect(nowhere.status).toBe(400)
    const gcash = await api('PATCH', `/api/residents/${resident.id}`, {
      token: resident.token,
      body: { gcashNumber: '555' },
    })
    expect(gcash.status).toBe(400)
    const me = await api('GET', '/api/residents/me', { token: resident.token })
    expect(me.body.user.homeBarangay?.code ?? me.body.user.homeBarangay).toBeTruthy()
    const payload = await localPayload()
    const stored = await payload.findByID({ collection: 'residents', id: resident.id, depth: 1 })
    expect(typeof stored.homeBarangay === 'object' && stored.homeBarangay?.code).toBe(
      PLACES.concepcionUno,
    )
    const phone = await api('PATCH', `/api/residents/${resident.id}`, {
      token: resident.token,
      body: { phone: '+639999999999' },
    })
    expect((await payload.findByID({ collection: 'residents', id: resident.id })).phone).toBe(
      resident.phone,
    )
    expect([200, 400, 403]).toContain(phone.status)
  })

  it('rejects feed paging out of range', async () => {
    expect((await api('GET', '/api/feed?limit=0', { token: resident.token })).status).toBe(400)
    expect((await api('GET', '/api/feed?page=abc', { token: resident.token })).status).toBe(400)
  })

  it('refuses an illegal review decision with 409 and keeps the submission as it was', async () => {
    const other = await signInResident({ barangayCode: PLACES.concepcionUno })
    const sub = await api('POST', '/api/submissions', {
      token: other.token,
      body: { task: survey, answers: { street: 'A', count: 1 } },
    })
    const id = sub.body.doc.id
    expect(
      (
        await api('PATCH', `/api/submissions/${id}`, {
          token: org.reviewer.token,
          body: { status: 'rejected', reviewNote: 'Street name missing' },
        })
      ).status,
    ).toBe(200)
    const flip = await api('PATCH', `/api/submissions/${id}`, {
      token: org.reviewer.token,
      body: { status: 'approved' },
    })
    expect(flip.status).toBe(409)
    expect(errorMessage(flip)).toMatch(/rejected; that decision is final/)
    const payload = await localPayload()
    expect((await payload.findByID({ collection: 'submissions', id })).status).toBe('rejected')
    expect(
      (await payload.count({ collection: 'rewards', where: { submission: { equals: id } } }))
        .totalDocs,
    ).toBe(0)
    const nonsense = await api('PATCH', `/api/submissions/${id}`, {
      token: org.reviewer.token,
      body: { status: 'paid' },
    })
    expect(nonsense.status).toBe(400)
  })
})
