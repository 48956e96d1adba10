import { describe, expect, it } from 'vitest'

import { api, errorMessage, eventually } from '../helpers/api'
import {
  createOrganization,
  createTask,
  giveConsent,
  latestOtp,
  PLACES,
  REQUIRED_CONSENTS,
  uniquePhone,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

describe('a resident, from OTP to a paid reward', () => {
  it('signs in by SMS, sees local tasks, submits, is approved and paid exactly once', async () => {
    const lgu = await createOrganization('lgu')
    const brand = await createOrganization('brand')
    const inBarangay = await createTask(lgu.org.id, {
      title: 'Concepcion Uno clean-up',
      targetCodes: [PLACES.concepcionUno],
    })
    const inCity = await createTask(lgu.org.id, {
      title: 'Marikina streetlights',
      targetCodes: [PLACES.marikinaCity],
    })
    const inRegion = await createTask(lgu.org.id, {
      title: 'NCR survey',
      targetCodes: [PLACES.ncr],
    })
    const nationwide = await createTask(brand.org.id, {
      title: 'Nationwide survey',
      reward: { kind: 'voucher', amount: 15 },
    })
    const elsewhere = await createTask(lgu.org.id, {
      title: 'Santo Niño only',
      targetCodes: [PLACES.santoNino],
    })
    const faraway = await createTask(lgu.org.id, {
      title: 'Cebu only',
      targetCodes: [PLACES.cebuCity],
    })
    const draft = await createTask(lgu.org.id, {
      title: 'Draft',
      status: 'draft',
      targetCodes: [PLACES.marikinaCity],
    })

    // 1. OTP: the code travels only through the outbox, sent by the sms.send job.
    const phone = uniquePhone()
    const local = `0${phone.slice(3)}`
    const request = await api('POST', '/api/residents/otp/request', { body: { phone: local } })
    expect(request.status).toBe(202)
    expect(request.body).toEqual({ ok: true })
    const code = await latestOtp(phone, { sent: true })

    const verify = await api('POST', '/api/residents/otp/verify', { body: { phone, code } })
    expect(verify.status, JSON.stringify(verify.body)).toBe(200)
    expect(verify.body.token).toEqual(expect.any(String))
    expect(verify.body.exp).toEqual(expect.any(Number))
    expect(verify.body.user).toMatchObject({ phone })
    expect(verify.body.user).not.toHaveProperty('hash')
    const cookie = verify.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    const { token } = verify.body
    const residentId = verify.body.user.id

    // The cookie alone is a session, as the PWA uses it.
    const me = await api('GET', '/api/residents/me', { headers: { cookie: cookie.split(';')[0] } })
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ id: residentId, phone })

    // A used code cannot be used again.
    expect((await api('POST', '/api/residents/otp/verify', { body: { phone, code } })).status).toBe(
      401,
    )

    // 2. Home barangay by PSGC code.
    const patch = await api('PATCH', `/api/residents/${residentId}`, {
      token,
      body: { homeBarangay: PLACES.concepcionUno, name: 'Juan dela Cruz', language: 'en' },
    })
    expect(patch.status).toBe(200)
    expect(patch.body.doc.homeBarangay).toEqual(expect.anything())

    // 3. Feed: the barangay, everything above it and nationwide; nothing else.
    const feed = await api('GET', '/api/feed?limit=100', { token })
    expect(feed.status).toBe(200)
    const ids = feed.body.docs.map((task: { id: number }) => task.id)
    for (const task of [inBarangay, inCity, inRegion, nationwide]) expect(ids).toContain(task.id)
    for (const task of [elsewhere, faraway, draft]) expect(ids).not.toContain(task.id)
    const entry = feed.body.docs.find((task: { id: number }) => task.id === inCity.id)
    expect(entry).toMatchObject({
      title: 'Marikina streetlights',
      mySubmission: null,
      reward: { kind: 'gcash', amount: 25 },
    })
    expect(entry.organization).toMatchObject({ id: lgu.org.id, name: lgu.org.name })

    // 4. Consent first: without it a submission is refused, saying what to accept.
    const early = await api('POST', '/api/submissions', {
      token,
      body: { task: inCity.id, answers: { note: 'too early' } },
    })
    expect(early.status).toBe(403)
    expect(errorMessage(early)).toContain('terms of use')
    // Location too: this submission carries one.
    await giveConsent(token, [...REQUIRED_CONSENTS, 'location'])

    // 5. Submission.
    const clientId = crypto.randomUUID()
    const submitted = await api('POST', '/api/submissions', {
      token,
      body: {
        task: inCity.id,
        answers: { note: 'Pole 14 on J.P. Rizal is dark' },
        clientId,
        location: { lat: 14.6507, lng: 121.1029 },
      },
    })
    expect(submitted.status).toBe(201)
    expect(submitted.body.doc).toMatchObject({ status: 'needs_review', clientId })
    const submissionId = submitted.body.doc.id
    const feedAfter = await api('GET', '/api/feed?limit=100', { token })
    expect(
      feedAfter.body.docs.find((t: { id: number }) => t.id === inCity.id).mySubmission,
    ).toEqual({ id: submissionId, status: 'needs_review' })

    // 6. Review by the task's organisation.
    const approve = await api('PATCH', `/api/submissions/${submissionId}`, {
      token: lgu.reviewer.token,
      body: { status: 'approved', reviewNote: 'Confirmed by the barangay' },
    })
    expect(approve.status).toBe(200)
    expect(approve.body.doc).toMatchObject({
      status: 'approved',
      reviewNote: 'Confirmed by the barangay',
    })

    // Approving again is refused and creates nothing.
    const again = await api('PATCH', `/api/submissions/${submissionId}`, {
      token: lgu.reviewer.token,
      body: { status: 'approved' },
    })
    expect(again.status).toBe(409)
    expect(errorMessage(again)).toMatch(/already approved/)

    // 7. The worker pays it; the resident sees it issued.
    const issued = await eventually(
      async () => {
        const res = await api('GET', '/api/rewards', { token })
        const reward = res.body.docs?.[0]
        return reward?.status === 'issued' ? res : undefined
      },
      30_000,
      'the reward to be issued',
    )
    expect(issued.body.totalDocs).toBe(1)
    const reward = issued.body.docs[0]
    expect(reward).toMatchObject({ amount: 25, kind: 'gcash', status: 'issued', attempts: 1 })
    expect(reward.providerRef).toMatch(/^sbx-g-/)
    expect(reward.idempotencyKey).toBe(`bayanet-reward-${submissionId}`)

    const payload = await localPayload()
    const rewards = await payload.find({
      collection: 'rewards',
      where: { submission: { equals: submissionId } },
    })
    expect(rewards.totalDocs).toBe(1)

    // 8. Every transition is in the audit log.
    // Read per entity: the whole suite writes far more entries than one page holds.
    const entries = async (entity: string, id: number) =>
      (
        await payload.find({
          collection: 'audit-log',
          where: { entity: { equals: entity }, entityId: { equals: String(id) } },
          sort: 'seq',
          limit: 100,
        })
      ).docs
    const actions = async (entity: string, id: number) =>
      (await entries(entity, id)).map((e) => e.action)
    expect(await actions('residents', residentId)).toEqual(['resident.registered'])
    expect(await actions('submissions', submissionId)).toEqual([
      'submission.created',
      'submission.approved',
    ])
    expect(await actions('rewards', reward.id)).toEqual([
      'reward.reserved',
      'reward.issuing',
      'reward.issued',
    ])
    const approvedEntry = (await entries('submissions', submissionId)).find(
      (e) => e.action === 'submission.approved',
    )
    expect(approvedEntry).toMatchObject({
      actorType: 'staff',
      actorId: String(lgu.reviewer.user.id),
    })

    // No OTP and no full phone number ever reaches the logs.
    const { readFileSync } = await import('node:fs')
    const { inject } = await import('vitest')
    const log = readFileSync(inject('serverLog'), 'utf8')
    expect(log).not.toContain(code)
    expect(log).not.toContain(phone)
    expect(log).not.toContain(phone.slice(3))
  })
})
