import { describe, expect, it } from 'vitest'

import { api, eventually, uploadProof } from '../helpers/api'
import {
  createOrganization,
  createTask,
  REQUIRED_CONSENTS,
  signInResident,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { copies, streetPanorama, streetPhoto } from '../helpers/streetPhotos'

/** A resident who allows photos uploads `photo` and submits it to `taskId`, once scored. */
const submitPhoto = async (taskId: number, photo: Buffer) => {
  const resident = await signInResident({ consents: [...REQUIRED_CONSENTS, 'photos'] })
  const proof = await uploadProof(resident.token, photo)
  const res = await api('POST', '/api/submissions', {
    token: resident.token,
    body: { task: taskId, proof, answers: { note: 'the streetlight' } },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const id = res.body.doc.id as number
  const payload = await localPayload()
  const scored = await eventually(
    async () => {
      const doc = await payload.findByID({ collection: 'submissions', id, depth: 0 })
      return doc.scoreRoute ? doc : undefined
    },
    30_000,
    `submission ${id} to be scored`,
  )
  const stored = await payload.findByID({ collection: 'proofs', id: proof, depth: 0 })
  return {
    id,
    proof: stored,
    rules: ((scored.reasons ?? []) as { rule: string }[]).map((r) => r.rule),
  }
}

describe('duplicate photos', () => {
  it('flags a photo another resident already sent, resized, for the reviewer', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id)
    const original = await streetPhoto(streetPanorama(21), 500)

    const first = await submitPhoto(task.id, original)
    // Every stored proof carries the perceptual hash of its re-encoded pixels.
    expect(first.proof.phash).toMatch(/^[0-9a-f]{16}$/)
    expect(first.rules).not.toContain('duplicate_photo')

    const copy = await submitPhoto(task.id, (await copies(original)).resized)
    expect(copy.rules).toContain('duplicate_photo')

    const other = await submitPhoto(task.id, await streetPhoto(streetPanorama(22), 500))
    expect(other.rules).not.toContain('duplicate_photo')

    // The reviewer reads why.
    const asReviewer = await api('GET', `/api/submissions/${copy.id}`, {
      token: lgu.reviewer.token,
    })
    expect(asReviewer.body.reasons).toContainEqual(
      expect.objectContaining({ rule: 'duplicate_photo', en: expect.any(String) }),
    )
  })
})
