import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { api } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { runRetention } from '../../src/privacy/retention'

const DAY = 24 * 60 * 60 * 1000
const periods = { otpHours: 24, ipDays: 30, rejectedPhotoDays: 30, unusedPhotoDays: 7 }

/** An OTP record created `ageMs` ago with a request IP. */
const otpRecord = async (ageMs: number, requestIp = '203.0.113.7') => {
  const payload = await localPayload()
  const doc = await payload.create({
    collection: 'otp-challenges',
    data: {
      phone: '+639170000000',
      purpose: 'sign-in',
      codeHash: 'x',
      attempts: 0,
      expiresAt: new Date().toISOString(),
      requestIp,
    },
    overrideAccess: true,
  })
  const createdAt = new Date(Date.now() - ageMs).toISOString()
  await payload.db.updateOne({ collection: 'otp-challenges', id: doc.id, data: { createdAt } })
  return doc.id
}

const exists = async (id: number) => {
  const payload = await localPayload()
  const { totalDocs } = await payload.count({
    collection: 'otp-challenges',
    where: { id: { equals: id } },
  })
  return totalDocs === 1
}

describe('retention', () => {
  it('deletes one-time-code records after their period and keeps newer ones', async () => {
    const payload = await localPayload()
    const old = await otpRecord(25 * 60 * 60 * 1000)
    const fresh = await otpRecord(60 * 60 * 1000)
    const result = await runRetention(payload, { periods })
    expect(result.skipped).toBe(false)
    expect(await exists(old)).toBe(false)
    expect(await exists(fresh)).toBe(true)
  })

  it('clears IP addresses after their period, keeping the record', async () => {
    const payload = await localPayload()
    // Codes kept for 60 days here, so the IP period is what acts.
    const old = await otpRecord(31 * DAY)
    const recent = await otpRecord(29 * DAY)
    await runRetention(payload, { periods: { ...periods, otpHours: 60 * 24 } })
    const read = (id: number) => payload.findByID({ collection: 'otp-challenges', id })
    expect((await read(old)).requestIp ?? null).toBeNull()
    expect((await read(recent)).requestIp).toBe('203.0.113.7')
  })

  it('scrubs what an erasure left behind', async () => {
    const payload = await localPayload()
    const org = await createOrganization()
    const task = await createTask(org.org.id)
    const resident = await signInResident()
    const sub = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { note: 'my address is 12 Rizal St' } },
    })
    expect(sub.status).toBe(201)
    expect((await api('DELETE', '/api/residents/me', { token: resident.token })).status).toBe(200)
    // Say a storage outage or a restore brought the text back.
    await payload.db.updateOne({
      collection: 'submissions',
      id: sub.body.doc.id,
      data: { answers: { note: 'my address is 12 Rizal St' } },
    })
    const result = await runRetention(payload, { periods })
    expect(result).toMatchObject({ skipped: false })
    const after = await payload.findByID({ collection: 'submissions', id: sub.body.doc.id })
    expect(after.answers).toEqual({ note: null })
  })

  it('runs once per cluster: a run finding another one in progress does nothing', async () => {
    const payload = await localPayload()
    const old = await otpRecord(25 * 60 * 60 * 1000)
    const other = new pg.Client({ connectionString: inject('databaseUrl') })
    await other.connect()
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('bayanet:privacy-retention'))`)
      expect(await runRetention(payload, { periods })).toEqual({ skipped: true })
      expect(await exists(old)).toBe(true)
      await other.query(`SELECT pg_advisory_unlock(hashtext('bayanet:privacy-retention'))`)
      expect((await runRetention(payload, { periods })).skipped).toBe(false)
      expect(await exists(old)).toBe(false)
    } finally {
      await other.end()
    }
  })
})
