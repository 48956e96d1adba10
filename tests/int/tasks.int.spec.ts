import { describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { createOrganization, PLACES, placeByCode } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

const draft = (organization: number, targets: number[] = []) => ({
  title: 'Linisin ang kanal',
  organization,
  targets,
  reward: { kind: 'gcash', amount: 10 },
})

describe('authoring tasks', () => {
  it("keeps an LGU's tasks inside its area, and nationwide tasks to organisations without one", async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    const marikina = await placeByCode(PLACES.marikinaCity)
    await payload.update({
      collection: 'organizations',
      id: lgu.org.id,
      data: { scope: [marikina.id] },
    })
    const token = lgu.manager.token

    const concepcionUno = await placeByCode(PLACES.concepcionUno)
    const inside = await api('POST', '/api/tasks', {
      token,
      body: draft(lgu.org.id, [concepcionUno.id]),
    })
    expect(inside.status, JSON.stringify(inside.body)).toBe(201)

    const cebu = await placeByCode(PLACES.cebuCity)
    const outside = await api('POST', '/api/tasks', { token, body: draft(lgu.org.id, [cebu.id]) })
    expect(outside.status).toBe(400)
    expect(errorMessage(outside)).toMatch(/City of Cebu is outside City of Marikina/)

    const nationwide = await api('POST', '/api/tasks', { token, body: draft(lgu.org.id) })
    expect(nationwide.status).toBe(400)
    expect(errorMessage(nationwide)).toMatch(
      /Nationwide tasks are for organisations without an area/,
    )

    // Moving an existing task out of the area is refused too, and the task keeps its targets.
    const moved = await api('PATCH', `/api/tasks/${inside.body.doc.id}`, {
      token,
      body: { targets: [cebu.id] },
    })
    expect(moved.status).toBe(400)
    const stored = await payload.findByID({ collection: 'tasks', id: inside.body.doc.id, depth: 0 })
    expect(stored.targets).toEqual([concepcionUno.id])

    const brand = await createOrganization('brand')
    const everywhere = await api('POST', '/api/tasks', {
      token: brand.manager.token,
      body: draft(brand.org.id),
    })
    expect(everywhere.status).toBe(201)
    expect(everywhere.body.doc.nationwide).toBe(true)
  })

  it('writes creating and publishing a task to the audit log', async () => {
    const payload = await localPayload()
    const brand = await createOrganization('brand')
    const created = await api('POST', '/api/tasks', {
      token: brand.manager.token,
      body: draft(brand.org.id),
    })
    expect(created.body.doc.status).toBe('draft')
    const id = created.body.doc.id
    const published = await api('PATCH', `/api/tasks/${id}`, {
      token: brand.manager.token,
      body: { status: 'published' },
    })
    expect(published.status).toBe(200)
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { entity: { equals: 'tasks' }, entityId: { equals: String(id) } },
      sort: 'createdAt',
    })
    expect(docs.map((entry) => entry.action)).toEqual(['task.created', 'task.published'])
    expect(docs[1]).toMatchObject({ actorType: 'staff', actorId: String(brand.manager.user.id) })
  })
})

describe('campaigns', () => {
  it('are created by managers for their own organisation and hidden from others', async () => {
    const a = await createOrganization('lgu')
    const b = await createOrganization('brand')
    const foreign = await api('POST', '/api/campaigns', {
      token: a.manager.token,
      body: { name: 'Not ours', organizations: [b.org.id] },
    })
    expect(foreign.status).toBe(403)
    const own = await api('POST', '/api/campaigns', {
      token: a.manager.token,
      body: { name: 'Linis Marikina', organizations: [a.org.id] },
    })
    expect(own.status).toBe(201)
    expect(
      (await api('GET', `/api/campaigns/${own.body.doc.id}`, { token: b.manager.token })).status,
    ).toBe(404)
    expect(
      (
        await api('POST', '/api/campaigns', {
          token: a.reviewer.token,
          body: { name: 'x', organizations: [a.org.id] },
        })
      ).status,
    ).toBe(403)
  })
})
