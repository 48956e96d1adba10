import type { Payload, PayloadRequest } from 'payload'

import { log } from '../../../src/lib/logger'
import { recordAudit } from '../../../src/lib/audit'
import { withTransaction } from '../../../src/lib/transaction'
import { releaseBudget } from '../../Tasks/operations/budget'
import { selectRewards, type RewardRow } from './transition'

/**
 * Gives a reward's reservation back to its task, in the caller's transaction. Tolerates a
 * reward made before budgets were reserved (older data): nothing to give back, never a reason
 * to lose the give-up itself. Returns the amount released.
 */
export const releaseReservation = async (req: PayloadRequest, row: RewardRow) => {
  const amount = Number(row.amount)
  try {
    await releaseBudget(req, { taskId: row.task_id, amount, from: 'reserved' })
    return amount
  } catch (err) {
    log(`budget not released for reward ${row.id}: ${(err as Error).message}`)
    return 0
  }
}

/**
 * The final failure of a reward: its automatic retries ran out, or its failure cannot be
 * retried. ONE guarded statement stamps `alerted_at` on the failed attempt that was read
 * (`WHERE status = 'failed' AND attempts = $2 AND alerted_at IS NULL`), and in the same
 * transaction its amount goes back from the task's reserved budget and `reward.alert` is
 * audited. From then on no job sends it (`isGivenUp`); a staff retry reserves the budget again.
 * Returns the given-up row, or undefined when the reward moved on (retried, or given up
 * already) since `row` was read, so a budget is never released twice.
 */
export const giveUpReward = (payload: Payload, row: RewardRow, reason: string) =>
  withTransaction(payload, async (req) => {
    const [given] = await selectRewards(
      { payload, req },
      `UPDATE rewards SET alerted_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'failed' AND attempts = $2 AND alerted_at IS NULL
        RETURNING *`,
      [row.id, row.attempts],
    )
    if (!given) return undefined
    const released = await releaseReservation(req, given)
    await recordAudit(req, {
      action: 'reward.alert',
      entity: 'rewards',
      entityId: given.id,
      actor: { type: 'system' },
      organization: given.organization_id,
      data: { status: given.status, attempt: given.attempts, reason, budgetReleased: released },
    })
    return given
  })
