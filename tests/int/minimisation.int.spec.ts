import { beforeAll, describe, expect, it } from 'vitest'

import { api, eventually } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { createAdmin, graphql } from '../helpers/staff'

type Org = Awaited<ReturnType<typeof createOrganization>>
type Resident = Awaited<ReturnType<typeof signInResident>>

describe('minimisation by role, over REST and GraphQL', () => {
  let org: Org
  let admin: Awaited<ReturnType<typeof createAdmin>>
  let resident: Resident
  let submissionId: number
  let rewardId: number
  const voucherCode = `VC-${Date.now()}`

  beforeAll(async () => {
    org = await createOrganization('brand')
    admin = await createAdmin()
    resident = await signInResident()
    await api('PATCH', `/api/residents/${resident.id}`, {
      token: resident.token,
      body: { gcashNumber: resident.phone },
    })
    const task = await createTask(org.org.id)
    const sub = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { note: 'seen' } },
    })
    expect(sub.status).toBe(201)
    submissionId = sub.body.doc.id
    const approved = await api('PATCH', `/api/submissions/${submissionId}`, {
      token: org.reviewer.token,
      body: { status: 'approved' },
    })
    expect(approved.status).toBe(200)
    const payload = await localPayload()
    const { docs } = await payload.find({
      collection: 'rewards',
      where: { submission: { equals: submissionId } },
    })
    rewardId = docs[0].id
    // Let the payout job finish first, so nothing it writes races the code set below.
    await eventually(
      async () => {
        const reward = await payload.findByID({ collection: 'rewards', id: rewardId })
        return reward.status === 'issued' ? reward : undefined
      },
      30_000,
      'the reward to be issued',
    )
    // As the voucher provider would have: a code only the resident (and admins) may read.
    await payload.db.updateOne({ collection: 'rewards', id: rewardId, data: { voucherCode } })
  })

  it('shows reviewers and managers a pseudonymous handle, never the phone', async () => {
    for (const staff of [org.reviewer, org.manager]) {
      const res = await api('GET', `/api/submissions/${submissionId}?depth=2`, {
        token: staff.token,
      })
      expect(res.status).toBe(200)
      expect(res.body.residentHandle).toMatch(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
      expect(JSON.stringify(res.body)).not.toContain(resident.phone.slice(3))
      const profile = await api('GET', `/api/residents/${resident.id}`, { token: staff.token })
      expect([403, 404]).toContain(profile.status)
      const gql = await graphql(
        staff.token,
        `{ Submission(id: ${submissionId}) { residentHandle resident { phone } } }`,
      )
      expect(gql.data?.Submission?.residentHandle).toMatch(/^R-/)
      expect(gql.data?.Submission?.resident?.phone ?? null).toBeNull()
    }
  })

  it('shows admins the profile without phone, GCash number or sessions', async () => {
    const res = await api('GET', `/api/residents/${resident.id}`, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.handle).toMatch(/^R-/)
    expect(res.body).not.toHaveProperty('phone')
    expect(res.body).not.toHaveProperty('gcashNumber')
    expect(res.body).not.toHaveProperty('sessions')
    const gql = await graphql(
      admin.token,
      `{ Resident(id: ${resident.id}) { id handle phone gcashNumber sessions { id } } }`,
    )
    expect(gql.data?.Resident?.handle).toMatch(/^R-/)
    expect(gql.data?.Resident?.phone ?? null).toBeNull()
    expect(gql.data?.Resident?.gcashNumber ?? null).toBeNull()
    expect(gql.data?.Resident?.sessions ?? null).toBeNull()
    // Nor can a phone be found by querying for it.
    const byPhone = await api(
      'GET',
      `/api/residents?where[phone][equals]=${encodeURIComponent(resident.phone)}`,
      { token: admin.token },
    )
    expect(byPhone.body?.docs?.length ?? 0).toBe(0)
  })

  it('shows the resident their own phone, GCash number and sessions', async () => {
    const me = await api('GET', '/api/residents/me', { token: resident.token })
    expect(me.body.user).toMatchObject({ phone: resident.phone, gcashNumber: resident.phone })
    // `/me` answers an allow-list without auth bookkeeping; the resident's own document has it.
    const own = await api('GET', `/api/residents/${resident.id}`, { token: resident.token })
    expect(own.body.sessions?.length).toBeGreaterThan(0)
    const gql = await graphql(resident.token, `{ Resident(id: ${resident.id}) { phone } }`)
    expect(gql.data?.Resident?.phone).toBe(resident.phone)
  })

  it('shows voucher codes to the resident and admins, not to reviewers or managers', async () => {
    const own = await api('GET', `/api/rewards/${rewardId}`, { token: resident.token })
    expect(own.body.voucherCode).toBe(voucherCode)
    const byAdmin = await api('GET', `/api/rewards/${rewardId}`, { token: admin.token })
    expect(byAdmin.body.voucherCode).toBe(voucherCode)
    for (const staff of [org.reviewer, org.manager]) {
      const res = await api('GET', `/api/rewards/${rewardId}`, { token: staff.token })
      expect(res.status).toBe(200)
      expect(res.body).not.toHaveProperty('voucherCode')
      const gql = await graphql(staff.token, `{ Reward(id: ${rewardId}) { id voucherCode } }`)
      expect(gql.data?.Reward?.id).toBe(rewardId)
      expect(gql.data?.Reward?.voucherCode ?? null).toBeNull()
    }
    const gqlOwn = await graphql(resident.token, `{ Reward(id: ${rewardId}) { voucherCode } }`)
    expect(gqlOwn.data?.Reward?.voucherCode).toBe(voucherCode)
  })
})
