import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { listFeed } from '../../collections/Tasks/operations/listFeed'
import { api } from '../helpers/api'
import {
  createOrganization,
  createTask,
  PLACES,
  placeByCode,
  signInResident,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

const STAFF_ONLY = ['budget', 'caps', 'targets', 'campaign', 'sponsors']

describe('what residents and the public read of a task', () => {
  it('returns the feed fields and the form, not budgets, caps or targets', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, {
      budget: 5000,
      caps: { perResident: 1, total: 200 },
      targetCodes: [PLACES.concepcionUno],
      fields: [
        { name: 'kind', label: 'What kind?', type: 'select', required: true, options: ['a', 'b'] },
      ],
    })
    const resident = await signInResident({ barangayCode: PLACES.concepcionUno })

    for (const token of [undefined, resident.token]) {
      const res = await api('GET', `/api/tasks/${task.id}`, { token })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ title: task.title, reward: { kind: 'gcash', amount: 25 } })
      expect(res.body.fields[0]).toMatchObject({ name: 'kind', options: ['a', 'b'] })
      for (const key of STAFF_ONLY) expect(res.body[key], key).toBeUndefined()

      const gql = await api('POST', '/api/graphql', {
        token,
        body: { query: `{ Task(id: ${task.id}) { title budget caps { total } targets { id } } }` },
      })
      expect(gql.body.data.Task.title).toBe(task.title)
      expect(gql.body.data.Task.budget).toBeNull()
      expect(gql.body.data.Task.caps?.total ?? null).toBeNull()
      expect(gql.body.data.Task.targets ?? []).toEqual([])
    }

    const staff = await api('GET', `/api/tasks/${task.id}?depth=0`, { token: lgu.reviewer.token })
    expect(staff.body).toMatchObject({ budget: 5000, caps: { total: 200 } })
    expect(staff.body.targets).toHaveLength(1)

    // The resident it targets can still submit: the checks read what the projection hides.
    const submit = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { kind: 'a' } },
    })
    expect(submit.status, JSON.stringify(submit.body)).toBe(201)
    const elsewhere = await signInResident({ barangayCode: '0730600001' })
    const refused = await api('POST', '/api/submissions', {
      token: elsewhere.token,
      body: { task: task.id, answers: { kind: 'a' } },
    })
    expect(refused.status).toBe(403)
  })
})

describe('Manila time', () => {
  it('stores a start entered as 08:00 Manila as 00:00 UTC and opens the task at 08:00 Manila', async () => {
    const lgu = await createOrganization('lgu')
    const nangka = await placeByCode('1380700006')
    const created = await api('POST', '/api/tasks', {
      token: lgu.manager.token,
      body: {
        title: 'Tanim sa Nangka',
        organization: lgu.org.id,
        status: 'published',
        targets: [nangka.id],
        reward: { kind: 'gcash', amount: 50 },
        startsAt: '2026-12-01T08:00:00+08:00',
        startsAt_tz: 'Asia/Manila',
        fields: [{ name: 'note', label: 'Note', type: 'text' }],
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.doc.startsAt).toBe('2026-12-01T00:00:00.000Z')
    expect(created.body.doc.startsAt_tz).toBe('Asia/Manila')

    const payload = await localPayload()
    const resident = await signInResident({ barangayCode: '1380700006' })
    const user = await payload.findByID({ collection: 'residents', id: resident.id })
    const req = await createLocalReq({ user: { ...user, collection: 'residents' } }, payload)
    const feedAt = async (manila: string) =>
      (await listFeed(req, { now: new Date(`${manila}+08:00`), limit: 100 })).docs.map((t) => t.id)

    expect(await feedAt('2026-12-01T07:59:59')).not.toContain(created.body.doc.id)
    expect(await feedAt('2026-12-01T08:00:00')).toContain(created.body.doc.id)
    expect(await feedAt('2026-12-01T20:00:00')).toContain(created.body.doc.id)

    // The feed carries the whole form, select options included.
    const feed = await api('GET', '/api/feed?limit=100', { token: resident.token })
    const select = await createTask(lgu.org.id, {
      targetCodes: ['1380700006'],
      fields: [{ name: 'kind', label: 'Kind', type: 'select', options: ['Puno', 'Halaman'] }],
    })
    const again = await api('GET', '/api/feed?limit=100', { token: resident.token })
    expect(feed.status).toBe(200)
    const item = again.body.docs.find((doc: { id: number }) => doc.id === select.id)
    expect(item.fields[0].options).toEqual(['Puno', 'Halaman'])
    expect(item.budget).toBeUndefined()
  })
})
