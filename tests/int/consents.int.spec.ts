import { beforeAll, describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import {
  createOrganization,
  createTask,
  giveConsent,
  REQUIRED_CONSENTS,
  signInResident,
} from '../helpers/fixtures'
import { residentHandle } from '../../src/lib/residentHandle'
import { localPayload } from '../helpers/payload'
import { createAdmin, graphql } from '../helpers/staff'

type Resident = Awaited<ReturnType<typeof signInResident>>

const submit = (resident: Resident, task: number, extra: Record<string, unknown> = {}) =>
  api('POST', '/api/submissions', {
    token: resident.token,
    body: { task, answers: { note: 'seen' }, ...extra },
  })

const location = { lat: 14.65, lng: 121.1, accuracy: 12 }

describe('consent ledger', () => {
  let admin: Awaited<ReturnType<typeof createAdmin>>
  let orgId: number
  let alice: Resident
  let aliceConsentId: number

  beforeAll(async () => {
    admin = await createAdmin()
    orgId = (await createOrganization()).org.id
    alice = await signInResident({ consents: [] })
    const res = await api('POST', '/api/consents', {
      token: alice.token,
      body: { purpose: 'marketing', granted: true },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    aliceConsentId = res.body.doc.id
  })

  it('starts with every purpose off, and records each decision under the notice version', async () => {
    const fresh = await signInResident({ consents: [] })
    const before = await api('GET', '/api/consents/mine', { token: fresh.token })
    expect(before.status).toBe(200)
    expect(Object.values(before.body.purposes).every((p: any) => p.granted === false)).toBe(true)
    expect(before.body.missing).toEqual([...REQUIRED_CONSENTS])
    expect(before.body.history).toEqual([])

    await giveConsent(fresh.token, ['location'])
    await giveConsent(fresh.token, ['location'], false)
    const after = await api('GET', '/api/consents/mine', { token: fresh.token })
    expect(after.body.purposes.location.granted).toBe(false)
    expect(after.body.history.map((h: any) => [h.purpose, h.granted])).toEqual([
      ['location', false],
      ['location', true],
    ])
    expect(after.body.history[0].noticeVersion).toBe(after.body.noticeVersion)
  })

  it('audits each consent given or withdrawn, naming the resident by handle and who recorded it', async () => {
    const payload = await localPayload()
    const withdrawn = await api('POST', '/api/consents', {
      token: alice.token,
      body: { purpose: 'marketing', granted: false },
    })
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(201)
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: {
        entity: { equals: 'consents' },
        entityId: { in: [String(aliceConsentId), String(withdrawn.body.doc.id)] },
      },
      sort: 'seq',
    })
    const handle = residentHandle(alice.id, payload.secret)
    expect(docs.map((d) => [d.action, d.actorType, d.actorId, d.data])).toEqual([
      [
        'consent.granted',
        'resident',
        String(alice.id),
        expect.objectContaining({ resident: handle, purpose: 'marketing' }),
      ],
      [
        'consent.withdrawn',
        'resident',
        String(alice.id),
        expect.objectContaining({ resident: handle, purpose: 'marketing' }),
      ],
    ])
    // The handle, never the phone number.
    expect(JSON.stringify(docs)).not.toContain(alice.phone.slice(-7))
  })

  it('answers 400 for an unknown purpose or a granted that is not a boolean, 401 anonymous', async () => {
    const bad = await api('POST', '/api/consents', {
      token: alice.token,
      body: { purpose: 'everything', granted: true },
    })
    expect(bad.status).toBe(400)
    expect(errorMessage(bad)).toContain('data-processing')
    const notBool = await api('POST', '/api/consents', {
      token: alice.token,
      body: { purpose: 'terms', granted: 'yes' },
    })
    expect(notBool.status).toBe(400)
    expect(
      (await api('POST', '/api/consents', { body: { purpose: 'terms', granted: true } })).status,
    ).toBe(401)
    expect((await api('GET', '/api/consents/mine')).status).toBe(401)
  })

  it('records a consent for the signed-in resident whatever the body claims', async () => {
    const bob = await signInResident({ consents: [] })
    const res = await api('POST', '/api/consents', {
      token: bob.token,
      body: { purpose: 'photos', granted: true, resident: alice.id, noticeVersion: 'old' },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.resident).toBe(bob.id)
    expect(res.body.doc.noticeVersion).not.toBe('old')
    // Residents read only their own rows; staff other than admins read none.
    const list = await api('GET', '/api/consents?limit=100', { token: bob.token })
    expect(list.body.docs.length).toBeGreaterThan(0)
    expect(list.body.docs.every((doc: any) => (doc.resident?.id ?? doc.resident) === bob.id)).toBe(
      true,
    )
    const org = await createOrganization()
    expect((await api('GET', '/api/consents', { token: org.manager.token })).status).toBe(403)
  })

  it('cannot be changed or deleted over REST, by the resident or an admin', async () => {
    for (const token of [alice.token, admin.token]) {
      const patch = await api('PATCH', `/api/consents/${aliceConsentId}`, {
        token,
        body: { granted: false },
      })
      expect(patch.status).toBe(403)
      const del = await api('DELETE', `/api/consents/${aliceConsentId}`, { token })
      expect(del.status).toBe(403)
      const bulk = await api('DELETE', `/api/consents?where[id][equals]=${aliceConsentId}`, {
        token,
      })
      expect(bulk.status === 403 || bulk.body?.docs?.length === 0).toBe(true)
    }
    const payload = await localPayload()
    const row = await payload.findByID({ collection: 'consents', id: aliceConsentId })
    expect(row.granted).toBe(true)
  })

  it('cannot be changed or deleted over GraphQL, by an admin', async () => {
    const update = await graphql(
      admin.token,
      `mutation { updateConsent(id: ${aliceConsentId}, data: { granted: false }) { id granted } }`,
    )
    expect(update.errors?.length).toBeGreaterThan(0)
    const del = await graphql(
      admin.token,
      `mutation { deleteConsent(id: ${aliceConsentId}) { id } }`,
    )
    expect(del.errors?.length).toBeGreaterThan(0)
    const payload = await localPayload()
    expect((await payload.findByID({ collection: 'consents', id: aliceConsentId })).granted).toBe(
      true,
    )
  })

  it('offers the admin no edit or delete (the permissions its screens follow), and its cookie gets 403', async () => {
    const access = await api('GET', '/api/access', { token: admin.token })
    expect(access.status).toBe(200)
    const consents = access.body.collections.consents
    // Payload sends `true` (or `{permission: true}`) for what is allowed and leaves out the rest.
    const allowed = (p: any) => p === true || p?.permission === true
    expect(allowed(consents.read), JSON.stringify(consents)).toBe(true)
    expect(allowed(consents.update)).toBe(false)
    expect(allowed(consents.delete)).toBe(false)
    // The admin's edit form saves with its session cookie.
    const patch = await api('PATCH', `/api/consents/${aliceConsentId}?depth=0`, {
      headers: { cookie: `payload-token=${admin.token}` },
      body: { granted: false },
    })
    expect(patch.status).toBe(403)
  })

  it('is append-only in the database itself', async () => {
    const payload = await localPayload()
    const pool = (payload.db as any).pool
    await expect(
      pool.query('UPDATE consents SET granted = false WHERE id = $1', [aliceConsentId]),
    ).rejects.toThrow(/append-only/)
    await expect(
      pool.query('DELETE FROM consents WHERE id = $1', [aliceConsentId]),
    ).rejects.toThrow(/append-only/)
  })

  it('refuses a submission without terms and data-processing consent, saying what to accept', async () => {
    const task = await createTask(orgId)
    const carol = await signInResident({ consents: [] })
    const none = await submit(carol, task.id)
    expect(none.status).toBe(403)
    expect(errorMessage(none)).toContain('terms of use')
    expect(errorMessage(none)).toContain('processing of your personal data')
    await giveConsent(carol.token, ['terms'])
    const half = await submit(carol, task.id)
    expect(half.status).toBe(403)
    expect(errorMessage(half)).not.toContain('terms of use')
    expect(errorMessage(half)).toContain('processing of your personal data')
    await giveConsent(carol.token, ['data-processing'])
    expect((await submit(carol, task.id)).status).toBe(201)
  })

  it('asks again after a new notice version, before the next submission', async () => {
    const payload = await localPayload()
    const dave = await signInResident()
    const first = await createTask(orgId)
    expect((await submit(dave, first.id)).status).toBe(201)
    const notice = await payload.findGlobal({ slug: 'privacy-notice' })
    const next = `${notice.version}.1`
    const edit = await api('POST', '/api/globals/privacy-notice', {
      token: admin.token,
      body: { version: next },
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    // Only admins edit the notice.
    const org = await createOrganization()
    expect(
      (
        await api('POST', '/api/globals/privacy-notice', {
          token: org.manager.token,
          body: { version: 'x' },
        })
      ).status,
    ).toBe(403)
    try {
      const second = await createTask(orgId)
      const refused = await submit(dave, second.id)
      expect(refused.status).toBe(403)
      expect(errorMessage(refused)).toContain(`version ${next}`)
      const mine = await api('GET', '/api/consents/mine', { token: dave.token })
      expect(mine.body.purposes.terms.needsRenewal).toBe(true)
      await giveConsent(dave.token, REQUIRED_CONSENTS)
      expect((await submit(dave, second.id)).status).toBe(201)
    } finally {
      // Other specs' residents consent under the version in force when they signed in.
      await api('POST', '/api/globals/privacy-notice', {
        token: admin.token,
        body: { version: notice.version },
      })
    }
  })

  it('stores a location only with location consent, and refuses one once it is withdrawn', async () => {
    const payload = await localPayload()
    const erin = await signInResident()
    const refusal = (res: Awaited<ReturnType<typeof submit>>) => ({
      status: res.status,
      data: res.body?.errors?.[0]?.data,
    })
    // Never given: a submission carrying a location is refused, saying why; without one it goes.
    const a = await submit(erin, (await createTask(orgId)).id, { location })
    expect(refusal(a)).toEqual({
      status: 403,
      data: { missing: ['location'], reason: 'consent-not-given' },
    })
    expect(errorMessage(a)).toMatch(/without the location, or allow location/)
    expect((await submit(erin, (await createTask(orgId)).id)).status).toBe(201)

    await giveConsent(erin.token, ['location'])
    const b = await submit(erin, (await createTask(orgId)).id, { location })
    expect(b.status).toBe(201)
    expect(
      (await payload.findByID({ collection: 'submissions', id: b.body.doc.id })).location?.lat,
    ).toBe(14.65)

    // Withdrawn: refused with a 403 the app can tell apart, and nothing is stored.
    await giveConsent(erin.token, ['location'], false)
    const before = await payload.count({
      collection: 'submissions',
      where: { resident: { equals: erin.id } },
    })
    const c = await submit(erin, (await createTask(orgId)).id, { location })
    expect(refusal(c)).toEqual({
      status: 403,
      data: { missing: ['location'], reason: 'consent-withdrawn' },
    })
    expect(errorMessage(c)).toContain('You withdrew your consent to storing your location')
    // A task whose form asks where is refused too: the answer would hold the place.
    const asksWhere = await createTask(orgId, {
      fields: [{ name: 'where', label: 'Where is it?', type: 'location', required: true }],
    })
    const d = await api('POST', '/api/submissions', {
      token: erin.token,
      body: { task: asksWhere.id, answers: { where: location } },
    })
    expect(refusal(d)).toEqual({
      status: 403,
      data: { missing: ['location'], reason: 'consent-withdrawn' },
    })
    expect(
      await payload.count({ collection: 'submissions', where: { resident: { equals: erin.id } } }),
    ).toEqual(before)
    // Without a location the resident can still take part.
    expect((await submit(erin, (await createTask(orgId)).id)).status).toBe(201)
  })

  it('refuses a photo task once photo consent is withdrawn, saying so', async () => {
    const fay = await signInResident({ consents: [...REQUIRED_CONSENTS, 'photos'] })
    const photoTask = async () =>
      createTask(orgId, {
        fields: [{ name: 'pic', label: 'A photo of it', type: 'photo', required: true }],
      })
    // Allowed: the consent gate lets it through to the form's own checks (no photo attached).
    const allowed = await api('POST', '/api/submissions', {
      token: fay.token,
      body: { task: (await photoTask()).id, answers: {} },
    })
    expect(allowed.status).toBe(400)
    await giveConsent(fay.token, ['photos'], false)
    const refused = await api('POST', '/api/submissions', {
      token: fay.token,
      body: { task: (await photoTask()).id, answers: {} },
    })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data).toEqual({
      missing: ['photos'],
      reason: 'consent-withdrawn',
    })
    expect(errorMessage(refused)).toContain('You withdrew your consent to photos')
    // Tasks without a photo still go.
    expect((await submit(fay, (await createTask(orgId)).id)).status).toBe(201)
  })
})
