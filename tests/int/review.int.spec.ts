import { describe, expect, it } from 'vitest'

import { api, errorMessage, eventually } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

type Org = Awaited<ReturnType<typeof createOrganization>>
type Resident = Awaited<ReturnType<typeof signInResident>>

const submit = (resident: Resident, task: number, extra: Record<string, unknown> = {}) =>
  api('POST', '/api/submissions', {
    token: resident.token,
    body: { task, answers: { note: 'done' }, ...extra },
  })

const submitMany = async (resident: Resident, task: number, count: number) => {
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    const res = await submit(resident, task)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    ids.push(res.body.doc.id)
  }
  return ids
}

const rewardsOf = async (submission: number) => {
  const payload = await localPayload()
  return payload.find({ collection: 'rewards', where: { submission: { equals: submission } } })
}

describe('one review decision, race-free', () => {
  it('decides each of 20 approve-vs-reject races exactly once; losers get 409', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, {
      reward: { kind: 'gcash', amount: 30 },
      caps: { perResident: 20 },
    })
    const resident = await signInResident()
    const ids = await submitMany(resident, task.id, 20)
    const outcomes = { approved: 0, rejected: 0 }
    for (const id of ids) {
      const [approve, reject] = await Promise.all([
        api('PATCH', `/api/submissions/${id}`, {
          token: lgu.reviewer.token,
          body: { status: 'approved' },
        }),
        api('PATCH', `/api/submissions/${id}`, {
          token: lgu.manager.token,
          body: { status: 'rejected', reviewNote: 'Photo is of another street' },
        }),
      ])
      const statuses = [approve.status, reject.status].sort()
      expect(statuses, JSON.stringify([approve.body, reject.body])).toEqual([200, 409])
      const loser = approve.status === 409 ? approve : reject
      expect(errorMessage(loser)).toMatch(
        /already approved|rejected; that decision is final|decided/,
      )
      const winner = approve.status === 200 ? 'approved' : 'rejected'
      outcomes[winner]++

      const payload = await localPayload()
      const doc = await payload.findByID({ collection: 'submissions', id })
      expect(doc.status).toBe(winner)
      const rewards = await rewardsOf(id)
      expect(rewards.totalDocs).toBe(winner === 'approved' ? 1 : 0)
      const decisions = await payload.count({
        collection: 'audit-log',
        where: {
          entity: { equals: 'submissions' },
          entityId: { equals: String(id) },
          action: { in: ['submission.approved', 'submission.rejected'] },
        },
      })
      expect(decisions.totalDocs).toBe(1)
    }
    console.log(`[review] 20 races: ${outcomes.approved} approved, ${outcomes.rejected} rejected`)
  })

  it('needs a reason to reject, and refuses decisions that are not decisions', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id)
    const resident = await signInResident()
    const { body } = await submit(resident, task.id)
    const id = body.doc.id
    const noReason = await api('PATCH', `/api/submissions/${id}`, {
      token: lgu.reviewer.token,
      body: { status: 'rejected', reviewNote: '  ' },
    })
    expect(noReason.status).toBe(400)
    expect(errorMessage(noReason)).toMatch(/why/)
    const bogus = await api('PATCH', `/api/submissions/${id}`, {
      token: lgu.reviewer.token,
      body: { status: 'auto_approved' },
    })
    expect(bogus.status).toBe(400)
    const other = await createOrganization('lgu')
    const outsider = await api('PATCH', `/api/submissions/${id}`, {
      token: other.reviewer.token,
      body: { status: 'approved' },
    })
    expect([403, 404]).toContain(outsider.status)
    const self = await api('PATCH', `/api/submissions/${id}`, {
      token: resident.token,
      body: { status: 'approved' },
    })
    expect([403, 404]).toContain(self.status)
    const payload = await localPayload()
    expect((await payload.findByID({ collection: 'submissions', id })).status).toBe('needs_review')
  })

  it('decides in bulk, each submission on its own, and reports every one', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, { caps: { perResident: 5 } })
    const resident = await signInResident()
    const [a, b, c] = await submitMany(resident, task.id, 3)
    await api('PATCH', `/api/submissions/${a}`, {
      token: lgu.reviewer.token,
      body: { status: 'approved' },
    })
    const foreign = await createOrganization('lgu')
    const foreignTask = await createTask(foreign.org.id)
    const [d] = await submitMany(await signInResident(), foreignTask.id, 1)

    const noReason = await api('POST', '/api/submissions/bulk-review', {
      token: lgu.reviewer.token,
      body: { ids: [b, c], status: 'rejected' },
    })
    expect(noReason.status).toBe(400)

    const res = await api('POST', '/api/submissions/bulk-review', {
      token: lgu.reviewer.token,
      body: { ids: [a, b, c, d], status: 'rejected', reviewNote: 'Blurry photo' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.results).toEqual([
      { id: a, ok: false, status: 'approved', error: expect.stringMatching(/already approved/) },
      { id: b, ok: true, status: 'rejected' },
      { id: c, ok: true, status: 'rejected' },
      { id: d, ok: false, error: expect.stringMatching(/not found/i) },
    ])
    const anonymous = await api('POST', '/api/submissions/bulk-review', {
      body: { ids: [b], status: 'approved' },
    })
    expect(anonymous.status).toBe(401)
    const asResident = await api('POST', '/api/submissions/bulk-review', {
      token: resident.token,
      body: { ids: [b], status: 'approved' },
    })
    expect(asResident.status).toBe(403)
  })

  it('goes through the same operation over GraphQL', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, { reward: { kind: 'gcash', amount: 12.5 } })
    const resident = await signInResident()
    const { body } = await submit(resident, task.id)
    const id = body.doc.id
    const mutation = (status: string) => ({
      query: `mutation { updateSubmission(id: ${id}, data: { status: ${status}, reviewNote: "ok" }) { id status reviewNote } }`,
    })
    const first = await api('POST', '/api/graphql', {
      token: lgu.reviewer.token,
      body: mutation('approved'),
    })
    expect(first.body.errors, JSON.stringify(first.body)).toBeUndefined()
    expect(first.body.data.updateSubmission).toMatchObject({ status: 'approved' })
    const second = await api('POST', '/api/graphql', {
      token: lgu.manager.token,
      body: mutation('rejected'),
    })
    expect(second.body.errors?.[0]?.message).toMatch(/already approved/)
    const rewards = await rewardsOf(id)
    expect(rewards.docs.map((r) => r.amount)).toEqual([12.5])
  })

  it('lets a resident appeal a rejection once, back to review with their message', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id)
    const resident = await signInResident()
    const { body } = await submit(resident, task.id)
    const id = body.doc.id
    const tooEarly = await api('POST', `/api/submissions/${id}/appeal`, {
      token: resident.token,
      body: { message: 'Please look again' },
    })
    expect(tooEarly.status).toBe(409)
    await api('PATCH', `/api/submissions/${id}`, {
      token: lgu.reviewer.token,
      body: { status: 'rejected', reviewNote: 'Wrong place' },
    })
    const stranger = await signInResident()
    const notMine = await api('POST', `/api/submissions/${id}/appeal`, {
      token: stranger.token,
      body: { message: 'Please look again' },
    })
    expect(notMine.status).toBe(404)
    const appeals = await Promise.all(
      [1, 2, 3].map(() =>
        api('POST', `/api/submissions/${id}/appeal`, {
          token: resident.token,
          body: { message: 'It is the right place: the sign is on the left' },
        }),
      ),
    )
    expect(appeals.map((r) => r.status).sort()).toEqual([200, 409, 409])
    const appealed = appeals.find((r) => r.status === 200)!
    expect(appealed.body.doc).toMatchObject({
      status: 'needs_review',
      appealMessage: 'It is the right place: the sign is on the left',
    })
    const approve = await api('PATCH', `/api/submissions/${id}`, {
      token: lgu.reviewer.token,
      body: { status: 'rejected', reviewNote: 'Still the wrong place' },
    })
    expect(approve.status).toBe(200)
    const again = await api('POST', `/api/submissions/${id}/appeal`, {
      token: resident.token,
      body: { message: 'Please!' },
    })
    expect(again.status).toBe(409)
    expect(errorMessage(again)).toMatch(/already appealed/)
  })

  it('texts the outcome to the resident in their language, with the reason', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, {
      title: 'Linisin ang kanal',
      reward: { kind: 'gcash', amount: 20 },
    })
    const fil = await signInResident()
    await api('PATCH', `/api/residents/${fil.id}`, { token: fil.token, body: { language: 'fil' } })
    const en = await signInResident()
    await api('PATCH', `/api/residents/${en.id}`, { token: en.token, body: { language: 'en' } })
    const a = (await submit(fil, task.id)).body.doc.id
    const b = (await submit(en, task.id)).body.doc.id
    await api('PATCH', `/api/submissions/${a}`, {
      token: lgu.reviewer.token,
      body: { status: 'approved' },
    })
    await api('PATCH', `/api/submissions/${b}`, {
      token: lgu.reviewer.token,
      body: { status: 'rejected', reviewNote: 'No photo of the canal' },
    })
    const payload = await localPayload()
    const sms = (phone: string) =>
      eventually(async () => {
        const { docs } = await payload.find({
          collection: 'sms-outbox',
          where: { to: { equals: phone }, status: { equals: 'sent' } },
          sort: '-createdAt',
          limit: 1,
        })
        return docs[0] && !/code/i.test(docs[0].body) ? docs[0] : undefined
      })
    const toFil = await sms(fil.phone)
    expect(toFil.body).toMatch(/Aprubado.*Linisin ang kanal.*PHP 20/)
    const toEn = await sms(en.phone)
    expect(toEn.body).toMatch(/not approved: No photo of the canal/)
    expect(toEn.body.length).toBeLessThanOrEqual(160)
  })

  it('answers 409 to deleting a task with submissions: close it instead', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id)
    await submit(await signInResident(), task.id)
    const res = await api('DELETE', `/api/tasks/${task.id}`, { token: lgu.manager.token })
    expect(res.status, JSON.stringify(res.body)).toBe(409)
    expect(errorMessage(res)).toMatch(/close it instead/)
    const empty = await createTask(lgu.org.id)
    expect(
      (await api('DELETE', `/api/tasks/${empty.id}`, { token: lgu.manager.token })).status,
    ).toBe(200)
  })
})

describe('budgets and snapshots', () => {
  it('pays exactly 7 rewards when 50 approvals race for a budget of 7', async () => {
    const lgu: Org = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, {
      reward: { kind: 'gcash', amount: 15 },
      caps: { perResident: 50 },
      budget: 10_000,
    })
    const resident = await signInResident()
    const ids = await submitMany(resident, task.id, 50)
    // The LGU cuts the budget to seven rewards while 50 wait for review.
    const cut = await api('PATCH', `/api/tasks/${task.id}`, {
      token: lgu.manager.token,
      body: { budget: 105 },
    })
    expect(cut.status).toBe(200)
    const results = await Promise.all(
      ids.map((id, i) =>
        api('PATCH', `/api/submissions/${id}`, {
          token: i % 2 ? lgu.reviewer.token : lgu.manager.token,
          body: { status: 'approved' },
        }),
      ),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(7)
    expect(statuses.filter((s) => s === 409)).toHaveLength(43)
    expect(errorMessage(results.find((r) => r.status === 409)!)).toMatch(/budget is used up/)
    const payload = await localPayload()
    const rewards = await payload.find({
      collection: 'rewards',
      where: { task: { equals: task.id } },
      limit: 100,
    })
    expect(rewards.totalDocs).toBe(7)
    const stillWaiting = await payload.count({
      collection: 'submissions',
      where: { task: { equals: task.id }, status: { equals: 'needs_review' } },
    })
    expect(stillWaiting.totalDocs).toBe(43)
    const seen = await api('GET', `/api/tasks/${task.id}`, { token: lgu.manager.token })
    expect(seen.body).toMatchObject({ budget: 105, budgetRemaining: 0 })
    expect(seen.body.budgetReserved + seen.body.budgetSpent).toBe(105)
  }, 240_000)

  it('pays the amount offered at submission, whatever the task says later', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, { reward: { kind: 'gcash', amount: 10 } })
    const resident = await signInResident()
    const id = (await submit(resident, task.id)).body.doc.id
    const raise = await api('PATCH', `/api/tasks/${task.id}`, {
      token: lgu.manager.token,
      body: { reward: { kind: 'gcash', amount: 5000 } },
    })
    expect(raise.status).toBe(200)
    await api('PATCH', `/api/submissions/${id}`, {
      token: lgu.reviewer.token,
      body: { status: 'approved' },
    })
    const rewards = await rewardsOf(id)
    expect(rewards.docs.map((r) => r.amount)).toEqual([10])
  })

  it('bounds reward amounts to ₱1–₱10,000 in centavos', async () => {
    const lgu = await createOrganization('lgu')
    for (const amount of [1e308, 0.0001, 0, 10_000.01, 12.345]) {
      const res = await api('POST', '/api/tasks', {
        token: lgu.manager.token,
        body: { title: 'T', organization: lgu.org.id, reward: { kind: 'gcash', amount } },
      })
      expect(res.status, `${amount}: ${JSON.stringify(res.body)}`).toBe(400)
    }
    const ok = await api('POST', '/api/tasks', {
      token: lgu.manager.token,
      body: { title: 'T', organization: lgu.org.id, reward: { kind: 'gcash', amount: 12.35 } },
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
  })
})
