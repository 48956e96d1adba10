import { describe, expect, it } from 'vitest'

import { api, errorMessage, eventually } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

describe('approving concurrently', () => {
  it('creates exactly one reward from 20 simultaneous approvals of one submission', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, { reward: { kind: 'gcash', amount: 40 } })
    const resident = await signInResident()
    const submitted = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { note: 'done' } },
    })
    expect(submitted.status).toBe(201)
    const id = submitted.body.doc.id

    const reviewers = [lgu.reviewer.token, lgu.manager.token]
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api('PATCH', `/api/submissions/${id}`, {
          token: reviewers[i % 2],
          body: { status: 'approved' },
        }),
      ),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(19)
    for (const loser of results.filter((r) => r.status === 409))
      expect(errorMessage(loser)).toMatch(/already approved/)

    const payload = await localPayload()
    const rewards = await payload.find({
      collection: 'rewards',
      where: { submission: { equals: id } },
    })
    expect(rewards.totalDocs).toBe(1)
    const reserved = await payload.count({
      collection: 'audit-log',
      where: {
        action: { equals: 'reward.reserved' },
        entityId: { equals: String(rewards.docs[0].id) },
      },
    })
    expect(reserved.totalDocs).toBe(1)
    const approvals = await payload.count({
      collection: 'audit-log',
      where: { action: { equals: 'submission.approved' }, entityId: { equals: String(id) } },
    })
    expect(approvals.totalDocs).toBe(1)

    const issued = await eventually(
      async () => {
        const reward = await payload.findByID({ collection: 'rewards', id: rewards.docs[0].id })
        return reward.status === 'issued' ? reward : undefined
      },
      30_000,
      'the reward to be issued',
    )
    expect(issued.attempts).toBe(1)
  })

  it('refuses a second reward for the same submission in the database itself', async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id)
    const resident = await signInResident()
    const submitted = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { note: 'x' } },
    })
    const id = submitted.body.doc.id
    const reward = {
      submission: id,
      resident: resident.id,
      task: task.id,
      kind: 'gcash' as const,
      amount: 25,
      status: 'reserved' as const,
      attempts: 0,
    }
    await payload.create({
      collection: 'rewards',
      data: { ...reward, idempotencyKey: `manual-${id}-a` },
    })
    // Bypassing every hook and check in code: the unique index still says no.
    await expect(
      payload.create({
        collection: 'rewards',
        data: { ...reward, idempotencyKey: `manual-${id}-b` },
      }),
    ).rejects.toThrow(/submission/)
    expect(
      (await payload.count({ collection: 'rewards', where: { submission: { equals: id } } }))
        .totalDocs,
    ).toBe(1)
  })
})
