import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { createOrganization } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/testServer'
import { startFakeSmtp } from '../fakes/smtp'

const email = (tag: string) => `${tag}-${randomBytes(3).toString('hex')}@test.bayanet.local`

/** Follows an invite link the way the admin's reset page does, then signs in with the password. */
const acceptInvite = async (baseUrl: string, url: string, address: string) => {
  const token = url.split('/admin/reset/')[1]
  const password = `pw-${randomBytes(8).toString('hex')}`
  const reset = await fetch(`${baseUrl}/api/users/reset-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password }),
  })
  expect(reset.status).toBe(200)
  const login = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: address, password }),
  })
  expect(login.status).toBe(200)
  return ((await login.json()) as { token: string }).token
}

describe('managers run their own team', () => {
  it('adds a reviewer to their own organisation and shows the invite link when email is off', async () => {
    const lgu = await createOrganization('lgu')
    const address = email('new-reviewer')
    const res = await api('POST', '/api/users/invite', {
      token: lgu.manager.token,
      body: { email: address, name: 'Ana Reyes', role: 'reviewer' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ email: address, sent: false })
    expect(res.body.url).toMatch(/\/admin\/reset\/[0-9a-f]+$/)

    const token = await acceptInvite(inject('baseUrl'), res.body.url, address)
    const me = await api('GET', '/api/users/me?depth=0', { token })
    expect(me.body.user).toMatchObject({ roles: ['reviewer'], organizations: [lgu.org.id] })
  })

  it('never makes admins, and never adds people to another organisation', async () => {
    const lgu = await createOrganization('lgu')
    const other = await createOrganization('brand')
    const token = lgu.manager.token

    const admin = await api('POST', '/api/users', {
      token,
      body: { email: email('x'), password: 'long-password-1', roles: ['admin'] },
    })
    expect(admin.status).toBe(403)
    expect(errorMessage(admin)).toMatch(/Only a Bayanet admin/)

    const elsewhere = await api('POST', '/api/users/invite', {
      token,
      body: { email: email('y'), role: 'reviewer', organization: other.org.id },
    })
    expect(elsewhere.status).toBe(403)

    // Someone else's reviewer: not visible, so not editable or invitable.
    const theirs = await api('PATCH', `/api/users/${other.reviewer.user.id}`, {
      token,
      body: { name: 'Taken over' },
    })
    expect([403, 404]).toContain(theirs.status)
    const reinvite = await api('POST', `/api/users/${other.reviewer.user.id}/invite`, { token })
    expect(reinvite.status).toBe(404)

    // Their own reviewer cannot be moved into another organisation, or promoted to admin.
    const move = await api('PATCH', `/api/users/${lgu.reviewer.user.id}`, {
      token,
      body: { organizations: [lgu.org.id, other.org.id] },
    })
    expect(move.status).toBe(403)
    const promote = await api('PATCH', `/api/users/${lgu.reviewer.user.id}`, {
      token,
      body: { roles: ['admin'] },
    })
    expect(promote.status).toBe(403)
    const payload = await localPayload()
    const stored = await payload.findByID({
      collection: 'users',
      id: lgu.reviewer.user.id,
      depth: 0,
    })
    expect(stored).toMatchObject({ roles: ['reviewer'], organizations: [lgu.org.id] })

    // …but can become a manager of the same organisation.
    const manager = await api('PATCH', `/api/users/${lgu.reviewer.user.id}`, {
      token,
      body: { roles: ['org-manager'] },
    })
    expect(manager.status, JSON.stringify(manager.body)).toBe(200)

    // Reviewers do not add staff at all, over REST or GraphQL.
    const byReviewer = await api('POST', '/api/users/invite', {
      token: other.reviewer.token,
      body: { email: email('z'), role: 'reviewer' },
    })
    expect(byReviewer.status).toBe(403)
    const gql = await api('POST', '/api/graphql', {
      token,
      body: {
        query: `mutation { createUser(data: { email: "${email('g')}", password: "long-password-2", roles: admin }) { id } }`,
      },
    })
    expect(gql.body.errors?.[0]?.message).toMatch(/Only a Bayanet admin|not allowed/)
  })

  it('lets a manager create a campaign for their organisation (the admin shows Create)', async () => {
    const lgu = await createOrganization('lgu')
    const perms = await api('GET', '/api/access', { token: lgu.manager.token })
    expect(perms.body.collections.campaigns.create).toBe(true)
    const created = await api('POST', '/api/campaigns', {
      token: lgu.manager.token,
      body: { name: 'Linis Marikina' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(
      created.body.doc.organizations.map((o: { id: number } | number) =>
        typeof o === 'object' ? o.id : o,
      ),
    ).toEqual([lgu.org.id])
    const byReviewer = await api('POST', '/api/campaigns', {
      token: lgu.reviewer.token,
      body: { name: 'Not mine to make' },
    })
    expect(byReviewer.status).toBe(403)
  })
})

describe('co-sponsorship by consent', () => {
  it('invites another organisation to a campaign; it joins only when its manager accepts, and can leave', async () => {
    const brand = await createOrganization('brand')
    const lgu = await createOrganization('lgu')
    const created = await api('POST', '/api/campaigns', {
      token: brand.manager.token,
      body: { name: 'Brand x LGU', organizations: [brand.org.id, lgu.org.id] },
    })
    expect(created.status).toBe(201)
    const campaignId = created.body.doc.id
    const payload = await localPayload()
    const orgsOf = async () =>
      (await payload.findByID({ collection: 'campaigns', id: campaignId, depth: 0 })).organizations
    expect(await orgsOf()).toEqual([brand.org.id])

    const invitations = await api(
      'GET',
      `/api/sponsorships?where[campaign][equals]=${campaignId}&depth=0`,
      { token: lgu.manager.token },
    )
    expect(invitations.body.docs).toHaveLength(1)
    const invitation = invitations.body.docs[0]
    expect(invitation).toMatchObject({ status: 'pending', organization: lgu.org.id })

    // The inviting brand cannot answer for the LGU, nor can the LGU's reviewer.
    const forged = await api('PATCH', `/api/sponsorships/${invitation.id}`, {
      token: brand.manager.token,
      body: { status: 'accepted' },
    })
    expect([403, 404]).toContain(forged.status)
    const byReviewer = await api('PATCH', `/api/sponsorships/${invitation.id}`, {
      token: lgu.reviewer.token,
      body: { status: 'accepted' },
    })
    expect([403, 404]).toContain(byReviewer.status)
    expect(await orgsOf()).toEqual([brand.org.id])

    // The LGU's manager accepts, over GraphQL.
    const accept = await api('POST', '/api/graphql', {
      token: lgu.manager.token,
      body: {
        query: `mutation { updateSponsorship(id: ${invitation.id}, data: { status: accepted }) { status } }`,
      },
    })
    expect(accept.body.errors, JSON.stringify(accept.body)).toBeUndefined()
    expect(accept.body.data.updateSponsorship.status).toBe('accepted')
    expect(await orgsOf()).toEqual([brand.org.id, lgu.org.id])

    // The brand cannot drop the LGU from the shared campaign…
    const drop = await api('PATCH', `/api/campaigns/${campaignId}`, {
      token: brand.manager.token,
      body: { organizations: [brand.org.id] },
    })
    expect(drop.status).toBe(200)
    expect(await orgsOf()).toEqual([brand.org.id, lgu.org.id])

    // …but the LGU can leave.
    const leave = await api('PATCH', `/api/sponsorships/${invitation.id}`, {
      token: lgu.manager.token,
      body: { status: 'left' },
    })
    expect(leave.status).toBe(200)
    expect(await orgsOf()).toEqual([brand.org.id])
  })

  it("keeps a task's invited sponsor off the task until it accepts, and a declined invitation closed", async () => {
    const brand = await createOrganization('brand')
    const lgu = await createOrganization('lgu')
    const created = await api('POST', '/api/tasks', {
      token: brand.manager.token,
      body: {
        title: 'Co-sponsored clean-up',
        organization: brand.org.id,
        sponsors: [lgu.org.id],
        reward: { kind: 'gcash', amount: 20 },
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const taskId = created.body.doc.id
    expect(created.body.doc.sponsors).toEqual([])

    const invitations = await api('GET', `/api/sponsorships?where[task][equals]=${taskId}`, {
      token: lgu.manager.token,
    })
    const id = invitations.body.docs[0].id
    const decline = await api('PATCH', `/api/sponsorships/${id}`, {
      token: lgu.manager.token,
      body: { status: 'declined' },
    })
    expect(decline.status).toBe(200)
    const late = await api('PATCH', `/api/sponsorships/${id}`, {
      token: lgu.manager.token,
      body: { status: 'accepted' },
    })
    expect(late.status).toBe(409)
    const payload = await localPayload()
    const task = await payload.findByID({ collection: 'tasks', id: taskId, depth: 0 })
    expect(task.sponsors ?? []).toEqual([])

    // Invited again, this time the LGU accepts and appears among the task's sponsors.
    await api('PATCH', `/api/tasks/${taskId}`, {
      token: brand.manager.token,
      body: { sponsors: [lgu.org.id] },
    })
    const again = await api(
      'GET',
      `/api/sponsorships?where[task][equals]=${taskId}&where[status][equals]=pending`,
      { token: lgu.manager.token },
    )
    const accept = await api('PATCH', `/api/sponsorships/${again.body.docs[0].id}`, {
      token: lgu.manager.token,
      body: { status: 'accepted' },
    })
    expect(accept.status, JSON.stringify(accept.body)).toBe(200)
    const sponsored = await payload.findByID({ collection: 'tasks', id: taskId, depth: 0 })
    expect(sponsored.sponsors).toEqual([lgu.org.id])
    // Residents still read no sponsors from the task.
    const publicRead = await api('GET', `/api/tasks/${taskId}`)
    expect(publicRead.body.sponsors).toBeUndefined()
  })
})

describe('staff email over SMTP', () => {
  let server: TestServer
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>

  beforeAll(async () => {
    smtp = await startFakeSmtp()
    server = await startTestServer({
      DATABASE_URL: inject('databaseUrl'),
      PAYLOAD_SECRET: inject('payloadSecret'),
      SMTP_URL: smtp.url,
      SMTP_FROM: 'bayanet@test.bayanet.local',
    })
  })
  afterAll(async () => {
    await server?.stop()
    await smtp?.stop()
  })

  const decode = (raw: string) =>
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))

  it('emails an invitation and a password reset through the configured SMTP server', async () => {
    const lgu = await createOrganization('lgu')
    // The manager's session from the main server works here too: same database and secret.
    const address = email('emailed')
    const res = await fetch(`${server.url}/api/users/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${lgu.manager.token}` },
      body: JSON.stringify({ email: address, role: 'reviewer' }),
    })
    const body = (await res.json()) as { sent: boolean; url?: string }
    expect(res.status, JSON.stringify(body)).toBe(201)
    expect(body).toEqual({ id: expect.any(Number), email: address, sent: true })

    const invite = smtp.messages.find((m) => m.to.includes(address))
    expect(invite).toBeDefined()
    const text = decode(invite!.raw)
    expect(text).toMatch(/Subject: You are invited to Bayanet/)
    const link = /https?:\/\/[^\s"<]+\/admin\/reset\/[0-9a-f]+/.exec(text)?.[0]
    expect(link).toBeDefined()
    await acceptInvite(server.url, link!, address)

    const forgot = await fetch(`${server.url}/api/users/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: lgu.reviewer.user.email }),
    })
    expect(forgot.status).toBe(200)
    const reset = smtp.messages.find((m) => m.to.includes(lgu.reviewer.user.email))
    expect(decode(reset!.raw)).toMatch(/Subject: Reset your Bayanet password/)
  })
})
