import { describe, expect, it } from 'vitest'

import { applyPayoutState } from '../../collections/Rewards/operations/applyPayoutState'
import { issueReward } from '../../collections/Rewards/operations/issueReward'
import {
  fenceOf,
  readReward,
  transitionReward,
} from '../../collections/Rewards/operations/transition'
import { releaseBudget, reserveBudget } from '../../collections/Tasks/operations/budget'
import { alertPayout } from '../../jobs/definitions/alertPayout'
import { sandboxPayoutProvider } from '../../providers/payouts/sandbox'
import type { PayoutProvider } from '../../providers/payouts/types'
import { pgPool } from '../../src/lib/sql'
import { withTransaction } from '../../src/lib/transaction'
import { api, errorMessage, eventually } from '../helpers/api'
import { createOrganization } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { auditCount, insertRewards, providersOf } from '../helpers/rewards'

/** The task's budget as its manager sees it over REST. */
const budgetOf = async (token: string, taskId: number) => {
  const seen = await api('GET', `/api/tasks/${taskId}`, { token })
  expect(seen.status, JSON.stringify(seen.body)).toBe(200)
  return { reserved: seen.body.budgetReserved, spent: seen.body.budgetSpent }
}

/**
 * A reward of `amount` PHP in `status`, on a task of `budget` PHP of the organisation's, with
 * its amount reserved from the budget as an approval would.
 */
const rewardOnBudget = async (
  organization: number,
  { amount, budget, status }: { amount: number; budget: number; status: 'issuing' | 'reserved' },
) => {
  const payload = await localPayload()
  const db = pgPool(payload)
  const { rewards, task } = await insertRewards(db, { organization, amount, status })
  await db.query('UPDATE tasks SET budget = $1 WHERE id = $2', [budget, task])
  await withTransaction(payload, (req) => reserveBudget(req, { taskId: task, amount }))
  return { id: rewards[0].id, key: rewards[0].idempotency_key, task }
}

const refused = { status: 'failed' as const, reason: 'account closed', retryable: false }

describe('budgets of failed payouts', () => {
  it('gives a finally failed reward back to its task, and a staff retry reserves it again (409 when it no longer fits)', async () => {
    const payload = await localPayload()
    const db = pgPool(payload)
    const lgu = await createOrganization('lgu')
    const { id, key, task } = await rewardOnBudget(lgu.org.id, {
      amount: 40,
      budget: 100,
      status: 'issuing',
    })

    // A definite failure alone keeps the reservation: the job may still retry it.
    const failed = await applyPayoutState(payload, (await readReward({ payload }, id))!, refused)
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 })
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 40, spent: 0 })

    // An alert about an older attempt is stale; the one about this attempt gives it up, once.
    expect(await alertPayout(payload, id, 'account closed', 0)).toBe(false)
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 40, spent: 0 })
    expect(await alertPayout(payload, id, 'account closed', 1)).toBe(true)
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 0, spent: 0 })
    expect(await alertPayout(payload, id, 'account closed', 1)).toBe(false)
    expect(await alertPayout(payload, id, 'account closed')).toBe(false)
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 0, spent: 0 })
    expect(await auditCount(db, id, 'reward.alert')).toBe(1)

    // No job sends a given-up reward again.
    let sends = 0
    const sandbox = sandboxPayoutProvider(payload)
    const counting: PayoutProvider = { ...sandbox, issue: async (r) => (sends++, sandbox.issue(r)) }
    expect(await issueReward(payload, id, providersOf(counting))).toBe('given-up')
    expect(sends).toBe(0)

    // Meanwhile the task's budget went to other rewards: 20 left, the retry needs 40.
    await withTransaction(payload, (req) => reserveBudget(req, { taskId: task, amount: 80 }))
    const byReviewer = await api('POST', `/api/rewards/${id}/retry`, { token: lgu.reviewer.token })
    expect(byReviewer.status).toBe(403)
    const tooPoor = await api('POST', `/api/rewards/${id}/retry`, { token: lgu.manager.token })
    expect(tooPoor.status, JSON.stringify(tooPoor.body)).toBe(409)
    expect(errorMessage(tooPoor)).toMatch(/budget cannot cover it/)
    expect(await readReward({ payload }, id)).toMatchObject({ status: 'failed', attempts: 1 })
    expect((await readReward({ payload }, id))?.alerted_at).not.toBeNull()
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 80, spent: 0 })

    // Once the budget can cover it, the retry reserves it again and the worker pays it.
    await withTransaction(payload, (req) => releaseBudget(req, { taskId: task, amount: 80 }))
    const retried = await api('POST', `/api/rewards/${id}/retry`, { token: lgu.manager.token })
    expect(retried.status, JSON.stringify(retried.body)).toBe(202)
    expect(retried.body).toMatchObject({ id, status: 'issuing', attempt: 2, budgetReserved: 40 })
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 40, spent: 0 })
    const again = await api('POST', `/api/rewards/${id}/retry`, { token: lgu.manager.token })
    expect(again.status).toBe(409)

    const paid = await eventually(async () => {
      const row = await readReward({ payload }, id)
      return row?.status === 'issued' ? row : undefined
    })
    expect(paid.payout_key).toBe(`${key}-r2`)
    expect(paid.alerted_at).toBeNull()
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 0, spent: 40 })
  })

  it('releases the budget when a reward staff were alerted about while issuing then fails', async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    const { id, task } = await rewardOnBudget(lgu.org.id, {
      amount: 30,
      budget: 50,
      status: 'issuing',
    })
    // Retries ran out on an unknown outcome: the provider may still pay, so the budget stays.
    expect(await alertPayout(payload, id, 'Xendit unreachable', 1)).toBe(true)
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 30, spent: 0 })
    // The provider's answer is a failure: that is final, and the budget goes back with it.
    await applyPayoutState(payload, (await readReward({ payload }, id))!, refused)
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 0, spent: 0 })
    expect(await issueReward(payload, id, providersOf(sandboxPayoutProvider(payload)))).toBe(
      'given-up',
    )
  })

  it('refuses a retry that read the reward before it was given up (the fence holds the give-up)', async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    const { id, task } = await rewardOnBudget(lgu.org.id, {
      amount: 10,
      budget: 10,
      status: 'issuing',
    })
    const failed = await applyPayoutState(payload, (await readReward({ payload }, id))!, refused)
    const readBefore = fenceOf(failed!) // not given up yet
    expect(await alertPayout(payload, id, 'account closed', 1)).toBe(true)
    // Claiming on the stale read would send a reward whose budget is gone.
    expect(await transitionReward(payload, readBefore, 'issuing', { bump: true })).toBeUndefined()
    expect(await budgetOf(lgu.manager.token, task)).toEqual({ reserved: 0, spent: 0 })

    // Another organisation's manager cannot see it, let alone retry it.
    const other = await createOrganization('lgu')
    const stranger = await api('POST', `/api/rewards/${id}/retry`, { token: other.manager.token })
    expect(stranger.status).toBe(404)
    const bad = await api('POST', `/api/rewards/abc/retry`, { token: lgu.manager.token })
    expect(bad.status).toBe(400)
  })
})
