import { beforeAll, describe, expect, it } from 'vitest'

import { api } from '../helpers/api'
import { createOrganization, createTask, PLACES, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

type Org = Awaited<ReturnType<typeof createOrganization>>
type Resident = Awaited<ReturnType<typeof signInResident>>

const submit = async (resident: Resident, task: number) => {
  const res = await api('POST', '/api/submissions', {
    token: resident.token,
    body: { task, answers: { note: 'seen' } },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id as number
}

describe('access control over REST', () => {
  let x: Org
  let y: Org
  let alice: Resident
  let bob: Resident
  let taskX: number
  let taskY: number
  let draftY: number
  let aliceSubmission: number
  let bobSubmissionY: number

  beforeAll(async () => {
    x = await createOrganization('lgu')
    y = await createOrganization('brand')
    taskX = (await createTask(x.org.id, { targetCodes: [PLACES.marikinaCity] })).id
    taskY = (await createTask(y.org.id)).id
    draftY = (await createTask(y.org.id, { status: 'draft' })).id
    alice = await signInResident({ barangayCode: PLACES.concepcionUno })
    bob = await signInResident({ barangayCode: PLACES.santoNino })
    aliceSubmission = await submit(alice, taskX)
    bobSubmissionY = await submit(bob, taskY)
    await submit(bob, taskX)
    // Alice gets a reward to look at.
    const approve = await api('PATCH', `/api/submissions/${aliceSubmission}`, {
      token: x.reviewer.token,
      body: { status: 'approved' },
    })
    expect(approve.status).toBe(200)
  })

  it('refuses anonymous lists of residents, submissions, rewards, audit log and SMS', async () => {
    for (const path of [
      '/api/residents',
      '/api/submissions',
      '/api/rewards',
      '/api/audit-log',
      '/api/sms-outbox',
      '/api/users',
    ]) {
      const res = await api('GET', path)
      expect(res.status, path).toBe(403)
    }
    expect((await api('GET', '/api/feed')).status).toBe(401)
    expect(
      (await api('POST', '/api/submissions', { body: { task: taskX, answers: { note: 'x' } } }))
        .status,
    ).toBe(401)
  })

  it('shows a resident only their own submissions and rewards', async () => {
    const mine = await api('GET', '/api/submissions?limit=100', { token: alice.token })
    expect(mine.status).toBe(200)
    expect(
      mine.body.docs.map((s: { resident: number | { id: number } }) =>
        typeof s.resident === 'object' ? s.resident.id : s.resident,
      ),
    ).toEqual([alice.id])

    const bobs = await api('GET', '/api/submissions?limit=100', { token: bob.token })
    expect(bobs.body.totalDocs).toBe(2)
    expect(bobs.body.docs.map((s: { id: number }) => s.id)).not.toContain(aliceSubmission)

    expect(
      (await api('GET', `/api/submissions/${aliceSubmission}`, { token: bob.token })).status,
    ).toBe(404)

    const aliceRewards = await api('GET', '/api/rewards', { token: alice.token })
    expect(aliceRewards.body.totalDocs).toBe(1)
    const rewardId = aliceRewards.body.docs[0].id
    const bobRewards = await api('GET', '/api/rewards', { token: bob.token })
    expect(bobRewards.body.totalDocs).toBe(0)
    expect((await api('GET', `/api/rewards/${rewardId}`, { token: bob.token })).status).toBe(404)
  })

  it('keeps residents out of each other and out of staff data', async () => {
    expect((await api('GET', `/api/residents/${alice.id}`, { token: bob.token })).status).toBe(404)
    const patch = await api('PATCH', `/api/residents/${alice.id}`, {
      token: bob.token,
      body: { name: 'Mallory' },
    })
    expect([403, 404]).toContain(patch.status)
    const list = await api('GET', '/api/residents', { token: bob.token })
    expect(list.body.docs.map((r: { id: number }) => r.id)).toEqual([bob.id])
    expect((await api('GET', '/api/users', { token: bob.token })).status).toBe(403)
    expect((await api('GET', '/api/sms-outbox', { token: bob.token })).status).toBe(403)
    // Draft tasks of any organisation stay hidden from residents.
    expect((await api('GET', `/api/tasks/${draftY}`, { token: bob.token })).status).toBe(404)
  })

  it('never lets a resident trade the SMS code for a password', async () => {
    for (const path of ['login', 'first-register', 'forgot-password']) {
      const res = await api('POST', `/api/residents/${path}`, {
        body: { username: alice.phone.slice(1), email: 'a@b.c', password: 'x'.repeat(12) },
      })
      expect(res.status, path).toBe(403)
    }
    for (const body of [
      { password: 'chosen-password-1' },
      { email: 'alice@example.com' },
      { username: 'alice' },
    ]) {
      const res = await api('PATCH', `/api/residents/${alice.id}`, { token: alice.token, body })
      expect(res.status, JSON.stringify(body)).toBe(403)
    }
    const payload = await localPayload()
    const stored = await payload.findByID({ collection: 'residents', id: alice.id })
    expect(stored.email ?? null).toBeNull()
    // Her own profile fields are still hers to change.
    expect(
      (
        await api('PATCH', `/api/residents/${alice.id}`, {
          token: alice.token,
          body: { name: 'Alice' },
        })
      ).status,
    ).toBe(200)
  })

  it('does not let a resident approve, edit or pay their own submission', async () => {
    const res = await api('PATCH', `/api/submissions/${bobSubmissionY}`, {
      token: bob.token,
      body: { status: 'approved' },
    })
    expect(res.status).toBe(403)
    const payload = await localPayload()
    const stored = await payload.findByID({ collection: 'submissions', id: bobSubmissionY })
    expect(stored.status).toBe('needs_review')
    expect(
      (
        await api('POST', '/api/rewards', {
          token: bob.token,
          body: { submission: bobSubmissionY, amount: 1000 },
        })
      ).status,
    ).toBe(403)
  })

  it("stops a reviewer of X from approving a submission for Y's task", async () => {
    const res = await api('PATCH', `/api/submissions/${bobSubmissionY}`, {
      token: x.reviewer.token,
      body: { status: 'approved' },
    })
    expect([403, 404]).toContain(res.status)
    const payload = await localPayload()
    expect((await payload.findByID({ collection: 'submissions', id: bobSubmissionY })).status).toBe(
      'needs_review',
    )
    expect(
      (
        await payload.count({
          collection: 'rewards',
          where: { submission: { equals: bobSubmissionY } },
        })
      ).totalDocs,
    ).toBe(0)
    // Y's own reviewer can.
    const own = await api('PATCH', `/api/submissions/${bobSubmissionY}`, {
      token: y.reviewer.token,
      body: { status: 'rejected', reviewNote: 'blurry' },
    })
    expect(own.status).toBe(200)
  })

  it("shows staff only their own organisation's tasks, submissions and rewards", async () => {
    const subs = await api('GET', '/api/submissions?limit=100', { token: x.reviewer.token })
    expect(subs.status).toBe(200)
    expect(subs.body.docs.length).toBeGreaterThan(0)
    for (const doc of subs.body.docs)
      expect(doc.organization?.id ?? doc.organization).toBe(x.org.id)
    expect(
      (await api('GET', `/api/submissions/${bobSubmissionY}`, { token: x.reviewer.token })).status,
    ).toBe(404)

    const rewards = await api('GET', '/api/rewards?limit=100', { token: y.manager.token })
    for (const doc of rewards.body.docs)
      expect(doc.organization?.id ?? doc.organization).toBe(y.org.id)

    const drafts = await api('GET', `/api/tasks/${draftY}`, { token: x.manager.token })
    expect(drafts.status).toBe(404)
    expect((await api('GET', `/api/tasks/${draftY}`, { token: y.manager.token })).status).toBe(200)
  })

  it("stops a manager of X from creating, editing or deleting Y's tasks", async () => {
    const create = await api('POST', '/api/tasks', {
      token: x.manager.token,
      body: { title: 'Sneaky', organization: y.org.id, reward: { kind: 'gcash', amount: 5 } },
    })
    expect(create.status).toBe(403)
    const edit = await api('PATCH', `/api/tasks/${taskY}`, {
      token: x.manager.token,
      body: { title: 'Hijacked' },
    })
    expect([403, 404]).toContain(edit.status)
    const del = await api('DELETE', `/api/tasks/${taskY}`, { token: x.manager.token })
    expect([403, 404]).toContain(del.status)
    const payload = await localPayload()
    expect((await payload.findByID({ collection: 'tasks', id: taskY })).title).not.toBe('Hijacked')

    // Reviewers review; they do not author tasks.
    const byReviewer = await api('POST', '/api/tasks', {
      token: x.reviewer.token,
      body: { title: 'Nope', organization: x.org.id, reward: { kind: 'gcash', amount: 5 } },
    })
    expect(byReviewer.status).toBe(403)
    const own = await api('POST', '/api/tasks', {
      token: x.manager.token,
      body: { title: 'Our own', organization: x.org.id, reward: { kind: 'gcash', amount: 5 } },
    })
    expect(own.status, JSON.stringify(own.body)).toBe(201)
  })

  it('lets only admins change staff roles and organisations', async () => {
    const res = await api('PATCH', `/api/users/${x.manager.user.id}`, {
      token: x.manager.token,
      body: { roles: ['admin'], organizations: [x.org.id, y.org.id] },
    })
    const payload = await localPayload()
    const stored = await payload.findByID({ collection: 'users', id: x.manager.user.id, depth: 0 })
    expect(stored.roles).toEqual(['org-manager'])
    expect(stored.organizations).toEqual([x.org.id])
    expect([200, 403]).toContain(res.status)
  })
})
