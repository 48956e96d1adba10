import { describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

describe('caps that hold under concurrency', () => {
  it('accepts exactly 10 of 100 simultaneous submissions to a task capped at 10', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, { caps: { perResident: 10, total: 10 } })
    const residents: Awaited<ReturnType<typeof signInResident>>[] = []
    for (let i = 0; i < 10; i++) residents.push(await signInResident())
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api('POST', '/api/submissions', {
          token: residents[i % 10].token,
          body: { task: task.id, answers: { note: `#${i}` }, clientId: crypto.randomUUID() },
        }),
      ),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(10)
    expect(statuses.filter((s) => s === 409)).toHaveLength(90)
    expect(errorMessage(results.find((r) => r.status === 409)!)).toMatch(/all the submissions/)
    const payload = await localPayload()
    const { totalDocs } = await payload.count({
      collection: 'submissions',
      where: { task: { equals: task.id } },
    })
    expect(totalDocs).toBe(10)
    // Full: it leaves the feed.
    const feed = await api('GET', '/api/feed?limit=100', { token: residents[0].token })
    expect(feed.body.docs.map((t: { id: number }) => t.id)).not.toContain(task.id)
    console.log(`[caps] 100 concurrent submissions vs total cap 10: ${totalDocs} accepted`)
  }, 300_000)

  it('gives every simultaneous retry of one clientId the one submission, and refuses it on another task', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id)
    const resident = await signInResident()
    const clientId = crypto.randomUUID()
    const body = { task: task.id, answers: { note: 'pole 14' }, clientId }
    const tries = await Promise.all(
      Array.from({ length: 6 }, () =>
        api('POST', '/api/submissions', { token: resident.token, body }),
      ),
    )
    const statuses = tries.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201])
    expect(new Set(tries.map((r) => r.body.doc.id)).size).toBe(1)
    const other = await createTask(lgu.org.id)
    const elsewhere = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { ...body, task: other.id },
    })
    expect(elsewhere.status).toBe(409)
    expect(errorMessage(elsewhere)).toMatch(/another task/)
  }, 120_000)

  it('takes a task with no budget left out of the feed and refuses new submissions clearly', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, {
      reward: { kind: 'gcash', amount: 50 },
      budget: 100,
      caps: { perResident: 5 },
    })
    const resident = await signInResident()
    for (let i = 0; i < 2; i++) {
      const ok = await api('POST', '/api/submissions', {
        token: resident.token,
        body: { task: task.id, answers: { note: 'x' } },
      })
      expect(ok.status).toBe(201)
    }
    const third = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { note: 'x' } },
    })
    expect(third.status).toBe(409)
    expect(errorMessage(third)).toMatch(/budget is used up/)
    const feed = await api('GET', '/api/feed?limit=100', { token: resident.token })
    expect(feed.body.docs.map((t: { id: number }) => t.id)).not.toContain(task.id)
    // Raising the budget brings it back.
    await api('PATCH', `/api/tasks/${task.id}`, { token: lgu.manager.token, body: { budget: 500 } })
    const again = await api('GET', '/api/feed?limit=100', { token: resident.token })
    expect(again.body.docs.map((t: { id: number }) => t.id)).toContain(task.id)
  })
})
