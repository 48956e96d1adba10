import sharp from 'sharp'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { api, errorMessage, eventually } from '../helpers/api'
import {
  createOrganization,
  createTask,
  giveConsent,
  latestOtp,
  PLACES,
  signInResident,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { createAdmin } from '../helpers/staff'
import { exportCoverage } from '../../src/privacy/exportCoverage'
import { findResidue, phoneSpellings } from '../../src/privacy/residue'

type Resident = Awaited<ReturnType<typeof signInResident>>
type Org = Awaited<ReturnType<typeof createOrganization>>

/** A resident with a name, a located free-text submission and an approved reward. */
const activeResident = async (org: Org, secret: string) => {
  const resident = await signInResident({ barangayCode: PLACES.concepcionUno })
  await giveConsent(resident.token, ['location', 'photos'])
  const name = `Maria ${secret}`
  const named = await api('PATCH', `/api/residents/${resident.id}`, {
    token: resident.token,
    body: { name, language: 'en' },
  })
  expect(named.status).toBe(200)
  const task = await createTask(org.org.id, {
    fields: [
      { name: 'note', label: 'What did you see?', type: 'text', required: true },
      { name: 'count', label: 'How many?', type: 'number', required: true },
    ],
  })
  const freeText = `Streetlight ${secret} by my house`
  const sub = await api('POST', '/api/submissions', {
    token: resident.token,
    body: {
      task: task.id,
      answers: { note: freeText, count: 3 },
      location: { lat: 14.6512, lng: 121.1023 },
    },
  })
  expect(sub.status, JSON.stringify(sub.body)).toBe(201)
  const approve = await api('PATCH', `/api/submissions/${sub.body.doc.id}`, {
    token: org.reviewer.token,
    body: { status: 'approved' },
  })
  expect(approve.status).toBe(200)
  return { ...resident, name, freeText, submissionId: sub.body.doc.id as number }
}

describe('the rights to access, to rectify and to erasure', () => {
  let org: Org
  let alice: Awaited<ReturnType<typeof activeResident>>
  let bob: Resident

  beforeAll(async () => {
    org = await createOrganization()
    alice = await activeResident(org, 'alice-7731')
    bob = await signInResident()
  })

  it('exports everything held about the resident, and nobody else’s', async () => {
    const res = await api('GET', '/api/residents/me/export', { token: alice.token })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="bayanet-my-data/)
    const { profile, consents, collections, tasks } = res.body
    expect(profile).toMatchObject({ id: alice.id, phone: alice.phone, name: alice.name })
    expect(profile).not.toHaveProperty('hash')
    expect(consents.purposes.location.granted).toBe(true)
    expect(consents.history.length).toBeGreaterThanOrEqual(3)
    expect(collections.submissions).toHaveLength(1)
    expect(collections.submissions[0].answers).toEqual({ note: alice.freeText, count: 3 })
    expect(collections.submissions[0].location).toMatchObject({ lat: 14.6512 })
    expect(collections.rewards).toHaveLength(1)
    expect(collections.rewards[0]).toHaveProperty('status')
    expect(tasks).toHaveLength(1)
    const actions = collections['audit-log'].map((entry: any) => entry.action)
    expect(actions).toContain('submission.created')
    expect(actions.some((a: string) => a.startsWith('reward.'))).toBe(true)
    // The sign-in SMS is theirs too, with the code masked.
    expect(collections['sms-outbox'].length).toBeGreaterThan(0)
    expect(JSON.stringify(collections['sms-outbox'])).not.toMatch(/\b\d{6}\b/)
    expect(collections['otp-challenges'][0]).not.toHaveProperty('codeHash')
    const everything = JSON.stringify(res.body)
    expect(everything).not.toContain(bob.phone)
    // Exports are audited, without their content.
    const payload = await localPayload()
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'resident.exported' }, entityId: { equals: String(alice.id) } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].data).toMatchObject({ resident: res.body.handle })
    expect(JSON.stringify(docs[0].data)).not.toContain(alice.phone)
  })

  it('exports every field of every collection that holds residents’ data (DATA_MAP)', async () => {
    const payload = await localPayload()
    // One row in each collection reached through the reward: the paid ledger entry, and a code.
    const { docs: rewards } = await payload.find({
      collection: 'rewards',
      where: { resident: { equals: alice.id } },
    })
    await eventually(
      async () =>
        (
          await payload.count({
            collection: 'payout-ledger',
            where: { reward: { equals: rewards[0].id } },
          })
        ).totalDocs || undefined,
      30_000,
      'the payout ledger entry',
    )
    const pool = await payload.create({
      collection: 'voucher-pools',
      data: { name: 'Privacy pool', organization: org.org.id },
    })
    await payload.create({
      collection: 'voucher-codes',
      data: { pool: pool.id, code: 'PRIV-0001', reward: rewards[0].id },
    })
    // And a photo proof, so its collection is checked too.
    const form = new FormData()
    const photo = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#3a6' },
    })
      .jpeg()
      .toBuffer()
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'p.jpg')
    const uploaded = await fetch(`${inject('baseUrl')}/api/proofs`, {
      method: 'POST',
      headers: { authorization: `JWT ${alice.token}` },
      body: form,
    })
    expect(uploaded.status).toBe(201)
    const res = await api('GET', '/api/residents/me/export', { token: alice.token })
    const report = exportCoverage(payload.config, res.body.collections)
    // A new collection, or a new field, fails here until it is exported or declared.
    // photo-hashes has rows only once a proof photo is scored; this resident sent none.
    expect(report).toEqual({
      unregistered: [],
      missingFromExport: [],
      unchecked: report.unchecked.filter((slug) => slug === 'photo-hashes'),
      suspicious: [],
    })
  })

  it('catches a personal field added without export, and a personal-looking field undeclared', () => {
    const residents = {
      slug: 'residents',
      flattenedFields: [
        { name: 'phone', type: 'text' },
        { name: 'birthday', type: 'date' },
      ],
    }
    const places = { slug: 'places', flattenedFields: [{ name: 'ownerPhone', type: 'text' }] }
    const shops = { slug: 'shops', flattenedFields: [{ name: 'title', type: 'text' }] }
    const report = exportCoverage(
      { collections: [residents, places, shops] as any },
      {
        residents: [{ phone: '+639170000000' }],
      },
    )
    expect(report.missingFromExport).toEqual(['residents.birthday'])
    expect(report.suspicious).toEqual(['places.ownerPhone'])
    expect(report.unregistered).toEqual(['shops'])
  })

  it('refuses an export or erasure to anyone but a signed-in resident', async () => {
    expect((await api('GET', '/api/residents/me/export')).status).toBe(401)
    expect(
      (await api('GET', '/api/residents/me/export', { token: org.manager.token })).status,
    ).toBe(401)
    expect((await api('DELETE', '/api/residents/me')).status).toBe(401)
    expect((await api('DELETE', '/api/residents/me', { token: org.manager.token })).status).toBe(
      401,
    )
    // Deleting a resident row outright would orphan rewards and consents: nobody may.
    expect((await api('DELETE', `/api/residents/${bob.id}`, { token: bob.token })).status).toBe(403)
  })

  it('lets the resident correct their name and language, not their phone', async () => {
    const res = await api('PATCH', `/api/residents/${bob.id}`, {
      token: bob.token,
      body: { name: 'Roberto', language: 'fil' },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ name: 'Roberto', language: 'fil' })
    const phone = await api('PATCH', `/api/residents/${bob.id}`, {
      token: bob.token,
      body: { phone: '+639170000001' },
    })
    const payload = await localPayload()
    expect(phone.status === 200 || phone.status === 403).toBe(true)
    expect((await payload.findByID({ collection: 'residents', id: bob.id })).phone).toBe(bob.phone)
  })

  it('audits a correction staff make on request: which fields, not their values', async () => {
    const admin = await createAdmin()
    const res = await api('PATCH', `/api/residents/${bob.id}`, {
      token: admin.token,
      body: { name: 'Roberto Santos' },
    })
    expect(res.status).toBe(200)
    const payload = await localPayload()
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'resident.corrected' }, entityId: { equals: String(bob.id) } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].data).toEqual({ fields: ['name'] })
    expect(docs[0].actorId).toBe(String(admin.user.id))
  })

  it('erases: phone hashed, name, free text, location and SMS gone; rewards kept; signed out', async () => {
    const payload = await localPayload()
    const pool = (payload.db as any).pool
    const needles = [...phoneSpellings(alice.phone), alice.name, alice.freeText, '121.1023']
    expect((await findResidue(pool, needles)).length).toBeGreaterThan(0) // the scan finds things

    // The sandbox provider's books (in our database) hold the number it paid.
    const { docs: paid } = await payload.find({
      collection: 'rewards',
      where: { resident: { equals: alice.id } },
    })
    const keys = paid.flatMap((r) => [r.idempotencyKey, r.payoutKey].filter(Boolean))
    const sandboxAccounts = async () =>
      (
        await pool.query('SELECT account FROM sandbox_payouts WHERE reference = ANY($1)', [keys])
      ).rows.map((row: { account: string }) => row.account)
    expect(await sandboxAccounts()).toEqual([alice.phone])
    const handle = (await api('GET', '/api/residents/me/export', { token: alice.token })).body
      .handle

    const res = await api('DELETE', '/api/residents/me', { token: alice.token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(await sandboxAccounts()).toEqual([expect.stringMatching(/^erased:/)])
    expect(res.headers.get('set-cookie')).toMatch(/payload-token=;/)

    expect(await findResidue(pool, needles)).toEqual([])
    const row = await payload.findByID({ collection: 'residents', id: alice.id })
    expect(row.phone).toMatch(/^erased:/)
    expect(row.name ?? null).toBeNull()
    expect((row as any).erasedAt).toBeTruthy()
    const sub = await payload.findByID({ collection: 'submissions', id: alice.submissionId })
    expect(sub.answers).toEqual({ note: null, count: 3 })
    const { docs: rewards } = await payload.find({
      collection: 'rewards',
      where: { resident: { equals: alice.id } },
    })
    expect(rewards).toHaveLength(1)
    const { totalDocs: consents } = await payload.count({
      collection: 'consents',
      where: { resident: { equals: alice.id } },
    })
    expect(consents).toBeGreaterThan(0)

    // Every session ended: the old token is no one now.
    const me = await api('GET', '/api/residents/me', { token: alice.token })
    expect(me.body?.user ?? null).toBeNull()
    expect((await api('GET', '/api/residents/me/export', { token: alice.token })).status).toBe(401)

    const { docs: audit } = await payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'resident.erased' }, entityId: { equals: String(alice.id) } },
    })
    expect(audit).toHaveLength(1)
    expect(audit[0].data).toMatchObject({ resident: handle, rewards: 1, sandboxPayouts: 1 })
    expect(JSON.stringify(audit[0])).not.toContain(alice.phone)
    expect(JSON.stringify(audit[0])).not.toContain(alice.name)
  })

  it('lets the same phone start afresh after erasure', async () => {
    const request = await api('POST', '/api/residents/otp/request', {
      body: { phone: alice.phone },
    })
    expect(request.status).toBe(202)
    const code = await latestOtp(alice.phone)
    const verify = await api('POST', '/api/residents/otp/verify', {
      body: { phone: alice.phone, code },
    })
    expect(verify.status, JSON.stringify(verify.body)).toBe(200)
    expect(verify.body.user.id).not.toBe(alice.id)
    const mine = await api('GET', '/api/submissions', { token: verify.body.token })
    expect(mine.body.docs).toEqual([])
    const again = await api('DELETE', '/api/residents/me', { token: verify.body.token })
    expect(again.status, errorMessage(again)).toBe(200)
  })
})
