import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { scoreAndRoute } from '../../collections/Submissions/operations/scoring/scoreAndRoute'
import { api, eventually, uploadProof } from '../helpers/api'
import {
  createOrganization,
  createTask,
  REQUIRED_CONSENTS,
  signInResident,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { copies, streetPanorama, streetPhoto } from '../helpers/streetPhotos'

type Thresholds = { approveBelow?: number | null; rejectAbove?: number | null }

/**
 * Each resident submits from an address of their own (the test server trusts one proxy hop), as
 * residents on their own phones do: otherwise every spec's residents share 127.0.0.1, and the
 * shared-IP rule fires depending on which specs ran before.
 */
const ownAddress = (residentId: number) => ({
  'x-forwarded-for': `10.${(residentId >> 16) & 255}.${(residentId >> 8) & 255}.${residentId & 255}`,
})

/** A brand-new resident (10 points: new account) submits to a task with these thresholds. */
const submitTo = async (scoring: Thresholds | undefined) => {
  const lgu = await createOrganization('lgu')
  const task = await createTask(lgu.org.id, scoring ? { scoring } : {})
  const resident = await signInResident()
  const res = await api('POST', '/api/submissions', {
    token: resident.token,
    body: { task: task.id, answers: { note: 'seen' }, deviceId: `dev-${resident.id}-abcdef` },
    headers: ownAddress(resident.id),
  })
  expect(res.status).toBe(201)
  return { lgu, task, resident, id: res.body.doc.id as number, created: res.body.doc }
}

const scored = async (id: number) => {
  const payload = await localPayload()
  return eventually(
    async () => {
      const doc = await payload.findByID({ collection: 'submissions', id, depth: 0 })
      return doc.scoreRoute && doc.status !== 'pending' ? doc : undefined
    },
    30_000,
    `submission ${id} to be scored`,
  )
}

describe('scoring routes each submission by its task thresholds', () => {
  it('auto-approves below approveBelow, and the reward is reserved', async () => {
    const { id, created } = await submitTo({ approveBelow: 50 })
    expect(created.status).toBe('pending')
    const doc = await scored(id)
    expect(doc).toMatchObject({ status: 'auto_approved', score: 10, scoreRoute: 'auto_approve' })
    expect(doc.reasons).toContainEqual(
      expect.objectContaining({ rule: 'new_account', points: 10, fil: expect.any(String) }),
    )
    const payload = await localPayload()
    const rewards = await payload.count({
      collection: 'rewards',
      where: { submission: { equals: id } },
    })
    expect(rewards.totalDocs).toBe(1)
    const audit = await payload.find({
      collection: 'audit-log',
      where: { entityId: { equals: String(id) }, entity: { equals: 'submissions' } },
      sort: 'seq',
    })
    expect(audit.docs.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'submission.created',
        'submission.scored',
        'submission.auto_approved',
      ]),
    )
    expect(audit.docs.find((e) => e.action === 'submission.auto_approved')?.actorType).toBe(
      'system',
    )
  })

  it('auto-rejects above rejectAbove, saying why', async () => {
    const { id } = await submitTo({ approveBelow: 1, rejectAbove: 5 })
    const doc = await scored(id)
    expect(doc).toMatchObject({ status: 'rejected', scoreRoute: 'auto_reject' })
    expect(doc.reviewNote).toMatch(/^Rejected automatically: New account/)
  })

  it('sends a score between the thresholds to a reviewer, who sees score and reasons', async () => {
    const { id, lgu } = await submitTo({ approveBelow: 5, rejectAbove: null })
    const doc = await scored(id)
    expect(doc).toMatchObject({ status: 'needs_review', score: 10, scoreRoute: 'review' })
    const asReviewer = await api('GET', `/api/submissions/${id}`, { token: lgu.reviewer.token })
    expect(asReviewer.body).toMatchObject({ score: 10, scoreRoute: 'review' })
    expect(asReviewer.body.reasons[0]).toMatchObject({
      rule: 'new_account',
      en: expect.any(String),
    })
  })

  it('without thresholds sends everything to review at once, still scored for the reviewer', async () => {
    const { id, created } = await submitTo(undefined)
    expect(created.status).toBe('needs_review')
    expect(await scored(id)).toMatchObject({ status: 'needs_review', scoreRoute: 'review' })
  })

  it('leaves a submission in review when scoring fails, with the reason', async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, { scoring: { approveBelow: 100 } })
    const resident = await signInResident()
    const submission = await payload.create({
      collection: 'submissions',
      data: {
        task: task.id,
        resident: resident.id,
        answers: { note: 'x' },
        clientId: crypto.randomUUID(),
      } as never,
      context: { scoreLater: true },
    })
    expect(submission.status).toBe('pending')
    const outcome = await scoreAndRoute(payload, submission.id, {
      rules: [
        () => {
          throw new Error('rule crashed')
        },
      ],
    })
    expect(outcome).toBe('failed')
    const doc = await payload.findByID({ collection: 'submissions', id: submission.id })
    expect(doc).toMatchObject({ status: 'needs_review', scoreRoute: 'failed', score: null })
    expect(doc.reasons).toEqual([expect.objectContaining({ rule: 'scoring_failed', points: 0 })])
    // Scored once: a retry afterwards changes nothing.
    expect(await scoreAndRoute(payload, submission.id)).toBe('already-scored')
  })

  it('gives staff per-task figures, overrules included; nobody else', async () => {
    const { id, lgu, task } = await submitTo({ approveBelow: 5 })
    await scored(id)
    const rejected = await api('PATCH', `/api/submissions/${id}`, {
      token: lgu.reviewer.token,
      body: { status: 'rejected', reviewNote: 'Photo is of another street.' },
    })
    expect(rejected.status).toBe(200)
    const figures = await api('GET', `/api/tasks/${task.id}/scoring-figures`, {
      token: lgu.manager.token,
    })
    expect(figures.status).toBe(200)
    expect(figures.body).toMatchObject({
      total: 1,
      autoApproved: 0,
      autoRejected: 0,
      reviewed: 1,
      rejectedByReviewer: 1,
      // Score 10 leaned approve; the reviewer rejected it.
      overruled: 1,
      overruleRate: 1,
    })
    const other = await createOrganization('lgu')
    const foreign = await api('GET', `/api/tasks/${task.id}/scoring-figures`, {
      token: other.manager.token,
    })
    expect(foreign.status).toBe(404)
    const resident = await signInResident()
    const asResident = await api('GET', `/api/tasks/${task.id}/scoring-figures`, {
      token: resident.token,
    })
    expect(asResident.status).toBe(403)
  })

  it("scores the proof photo: a resized copy of another resident's proof and an old capture time are flagged", async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    const startsAt = new Date(Date.now() - 24 * 3_600_000).toISOString()
    const task = await createTask(lgu.org.id, {
      startsAt,
      caps: { perResident: 5 },
      scoring: { approveBelow: 20, rejectAbove: null },
    } as never)
    const consents = [...REQUIRED_CONSENTS, 'photos']
    const submitWith = async (resident: { id: number; token: string }, proof: number) => {
      const res = await api('POST', '/api/submissions', {
        token: resident.token,
        body: { task: task.id, answers: { note: 'seen' }, proof },
        headers: ownAddress(resident.id),
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.doc.id as number
    }

    const original = await streetPhoto(streetPanorama(21), 600)
    const honest = await signInResident({ consents })
    const first = await scored(
      await submitWith(honest, await uploadProof(honest.token, original, 'IMG_0001.jpg')),
    )
    expect(
      (first.reasons as { rule: string }[]).map((r: { rule: string }) => r.rule),
    ).not.toContain('duplicate_photo')
    expect(first).toMatchObject({ status: 'auto_approved' })

    // Another resident sends the same picture, made smaller, with a capture time years ago.
    const copy = await sharp((await copies(original)).resized)
      .withExif({ IFD2: { DateTimeOriginal: '2024:01:05 09:00:00' } })
      .jpeg()
      .toBuffer()
    const cheat = await signInResident({ consents })
    const proofId = await uploadProof(cheat.token, copy, 'IMG_0001.jpg')
    const proof = await payload.findByID({ collection: 'proofs', id: proofId, depth: 0 })
    expect(proof.phash).toMatch(/^[0-9a-f]{16}$/)
    expect(proof.capturedAt).toBe('2024-01-05T01:00:00.000Z')
    const second = await scored(await submitWith(cheat, proofId))
    const byRule = Object.fromEntries(
      (second.reasons as { rule: string; points: number; en: string }[]).map(
        (r: { rule: string; points: number; en: string }) => [r.rule, r],
      ),
    )
    expect(byRule.duplicate_photo).toMatchObject({
      points: expect.any(Number),
      en: expect.stringContaining(`submission #${first.id}`),
    })
    expect(byRule.duplicate_photo.points).toBeGreaterThan(0)
    expect(byRule.duplicate_photo.en).toContain('another resident')
    expect(byRule.capture_time.points).toBeGreaterThan(0)
    expect(byRule.capture_time.en).toMatch(/before the task started/)
    expect(second).toMatchObject({ status: 'needs_review', scoreRoute: 'review' })
    // Both photos are in the near-duplicate index, each under its own submission.
    const indexed = await payload.find({
      collection: 'photo-hashes' as never,
      where: { submission: { in: [first.id, second.id] } },
      depth: 0,
    })
    expect(indexed.totalDocs).toBe(2)
  })
})
