import { beforeAll, describe, expect, it } from 'vitest'

import { api } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

type Org = Awaited<ReturnType<typeof createOrganization>>
type Resident = Awaited<ReturnType<typeof signInResident>>

const gql = (query: string, token?: string) =>
  api('POST', '/api/graphql', { token, body: { query } })

describe("Payload's internals are closed to residents", () => {
  let org: Org
  let resident: Resident
  let task: number

  beforeAll(async () => {
    org = await createOrganization('lgu')
    resident = await signInResident()
    task = (await createTask(org.org.id)).id
  })

  it('refuses residents every edit-lock operation over REST', async () => {
    const token = resident.token
    const far = new Date(Date.now() + 365 * 86400_000).toISOString()
    const lock = {
      document: { relationTo: 'tasks', value: task },
      user: { relationTo: 'users', value: org.reviewer.user.id },
      updatedAt: far,
    }
    expect((await api('GET', '/api/payload-locked-documents', { token })).status).toBe(403)
    expect((await api('POST', '/api/payload-locked-documents', { token, body: lock })).status).toBe(
      403,
    )
    const payload = await localPayload()
    const theirs = await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'tasks', value: task },
        user: { relationTo: 'users', value: org.manager.user.id },
      },
    })
    for (const [method, body] of [
      ['PATCH', { updatedAt: far }],
      ['DELETE', undefined],
      ['GET', undefined],
    ] as const) {
      const res = await api(method, `/api/payload-locked-documents/${theirs.id}`, { token, body })
      expect([403, 404], method).toContain(res.status)
    }
    await payload.delete({ collection: 'payload-locked-documents', id: theirs.id })
  })

  it('refuses residents edit locks and preferences over GraphQL', async () => {
    const token = resident.token
    const read = await gql('{ PayloadLockedDocuments { docs { id } } }', token)
    expect(read.body.errors?.[0]?.message ?? '').toMatch(/not allowed|Forbidden/i)
    const create = await gql(
      `mutation { createPayloadLockedDocument(data: { document: { relationTo: tasks, value: ${task} } }) { id } }`,
      token,
    )
    expect(create.body.data?.createPayloadLockedDocument ?? null).toBeNull()
    const prefs = await api('POST', '/api/payload-preferences/nav', {
      token,
      body: { value: { open: true } },
    })
    expect(prefs.status).toBe(403)
  })

  it('never lets a lock name someone else or outlive the lock duration', async () => {
    const far = new Date(Date.now() + 365 * 86400_000).toISOString()
    const res = await api('POST', '/api/payload-locked-documents', {
      token: org.manager.token,
      body: {
        document: { relationTo: 'tasks', value: task },
        user: { relationTo: 'users', value: org.reviewer.user.id },
        updatedAt: far,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const payload = await localPayload()
    const stored = await payload.findByID({
      collection: 'payload-locked-documents',
      id: res.body.doc.id,
      depth: 0,
    })
    expect(stored.user).toMatchObject({ relationTo: 'users', value: org.manager.user.id })
    expect(new Date(stored.updatedAt).getTime()).toBeLessThan(Date.now() + 60_000)
    // The reviewer cannot remove or rewrite the manager's lock, but is not blocked for long:
    expect(
      (
        await api('DELETE', `/api/payload-locked-documents/${stored.id}`, {
          token: org.reviewer.token,
        })
      ).status,
    ).toBeGreaterThanOrEqual(403)
    await payload.update({
      collection: 'payload-locked-documents',
      id: stored.id,
      data: { updatedAt: new Date(Date.now() - 10 * 60_000).toISOString() },
    })
    const edit = await api('PATCH', `/api/tasks/${task}`, {
      token: org.manager.token,
      body: { title: 'Renamed while a stale lock exists' },
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
  })

  it('offers no resident password mutations over GraphQL, and no suggestions to strangers', async () => {
    for (const name of [
      'loginResident',
      'forgotPasswordResident',
      'unlockResident',
      'resetPasswordResident',
    ]) {
      const res = await gql(`mutation { ${name}(username: "639171234567") { __typename } }`)
      expect(res.body.data ?? null, name).toBeNull()
      expect(JSON.stringify(res.body), name).toMatch(/Cannot query field/)
    }
    const typo = await gql('{ Placez { docs { id } } }')
    expect(JSON.stringify(typo.body)).toMatch(/Cannot query field/)
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/)
    const staff = await gql('{ Placez { docs { id } } }', org.manager.token)
    expect(JSON.stringify(staff.body)).toMatch(/Did you mean/)
  })

  it('answers malformed GraphQL with 400', async () => {
    for (const body of ['{"query":', 'null', '42', '[]', '{"query": 5}', '{}']) {
      const res = await api('POST', '/api/graphql', {
        body,
        headers: { 'content-type': 'application/json' },
      })
      expect(res.status, body).toBe(400)
    }
  })

  it('answers 404 on auth routes that do not apply', async () => {
    expect((await api('GET', '/api/residents/init')).status).toBe(404)
    expect((await api('GET', '/api/users/init')).status).toBe(404)
    expect((await api('POST', '/api/users/verify/abc')).status).toBe(404)
    expect((await api('POST', '/api/residents/verify/abc')).status).toBe(404)
  })
})
