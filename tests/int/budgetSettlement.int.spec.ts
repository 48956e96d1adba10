import { describe, expect, it } from 'vitest'

import {
  fenceOf,
  readReward,
  transitionReward,
} from '../../collections/Rewards/operations/transition'
import { api, eventually } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

const budgetOf = async (token: string, taskId: number) => {
  const seen = await api('GET', `/api/tasks/${taskId}`, { token })
  return {
    reserved: seen.body.budgetReserved,
    spent: seen.body.budgetSpent,
    remaining: seen.body.budgetRemaining,
  }
}

describe('task budgets follow their rewards', () => {
  it('moves a paid reward from reserved to spent, and gives a reversed one back', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, {
      reward: { kind: 'gcash', amount: 40 },
      budget: 100,
    })
    const resident = await signInResident()
    const created = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { note: 'done' } },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const approved = await api('PATCH', `/api/submissions/${created.body.doc.id}`, {
      token: lgu.reviewer.token,
      body: { status: 'approved' },
    })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)

    const payload = await localPayload()
    const reward = await eventually(async () => {
      const { docs } = await payload.find({
        collection: 'rewards',
        where: { submission: { equals: created.body.doc.id } },
      })
      return docs[0]?.status === 'issued' ? docs[0] : undefined
    })
    expect(await budgetOf(lgu.manager.token, task.id)).toEqual({
      reserved: 0,
      spent: 40,
      remaining: 60,
    })

    const row = await readReward({ payload }, reward.id)
    const reversed = await transitionReward(payload, fenceOf(row!), 'reversed')
    expect(reversed?.status).toBe('reversed')
    expect(await budgetOf(lgu.manager.token, task.id)).toEqual({
      reserved: 0,
      spent: 0,
      remaining: 100,
    })
  })
})
