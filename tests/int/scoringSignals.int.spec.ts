import { describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { createOrganization, createTask, PLACES, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

describe('signals kept for scoring', () => {
  it('stamps when a home barangay changes, not when it is first set, whatever the client sends', async () => {
    const payload = await localPayload()
    const resident = await signInResident({ barangayCode: PLACES.concepcionUno })
    const fresh = await payload.findByID({ collection: 'residents', id: resident.id })
    expect(fresh.homeBarangayChangedAt ?? null).toBeNull()

    const forged = await api('PATCH', `/api/residents/${resident.id}`, {
      token: resident.token,
      body: { homeBarangayChangedAt: '2020-01-01T00:00:00.000Z', name: 'Ana' },
    })
    expect(forged.status).toBe(200)
    expect(
      (await payload.findByID({ collection: 'residents', id: resident.id }))
        .homeBarangayChangedAt ?? null,
    ).toBeNull()

    const before = Date.now()
    const moved = await api('PATCH', `/api/residents/${resident.id}`, {
      token: resident.token,
      body: { homeBarangay: PLACES.santoNino },
    })
    expect(moved.status).toBe(200)
    const after = await payload.findByID({ collection: 'residents', id: resident.id })
    expect(Date.parse(after.homeBarangayChangedAt!)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('keeps the device id (400 for a malformed one) and a hash of the IP that only admins read', async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, { caps: { perResident: 5 } })
    const resident = await signInResident()
    const bad = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { note: 'x' }, deviceId: 'no spaces allowed!' },
    })
    expect(bad.status).toBe(400)
    expect(errorMessage(bad)).toMatch(/deviceId/)

    const ok = await api('POST', '/api/submissions', {
      token: resident.token,
      body: {
        task: task.id,
        answers: { note: 'x' },
        deviceId: '3f1c2b7e-9d4a-4e8b-a1f0-6c5d4e3b2a19',
        ipHash: 'forged',
      },
      headers: { 'x-forwarded-for': '203.0.113.7' },
    })
    expect(ok.status).toBe(201)
    const saved = await payload.findByID({ collection: 'submissions', id: ok.body.doc.id })
    expect(saved.deviceId).toBe('3f1c2b7e-9d4a-4e8b-a1f0-6c5d4e3b2a19')
    expect(saved.ipHash).toMatch(/^[0-9a-f]{32}$/)
    expect(saved.ipHash).not.toContain('203.0.113.7')
    expect(ok.body.doc.ipHash).toBeUndefined()

    const asReviewer = await api('GET', `/api/submissions/${ok.body.doc.id}`, {
      token: lgu.reviewer.token,
    })
    expect(asReviewer.body.deviceId).toBe('3f1c2b7e-9d4a-4e8b-a1f0-6c5d4e3b2a19')
    expect(asReviewer.body.ipHash).toBeUndefined()
  })
})
