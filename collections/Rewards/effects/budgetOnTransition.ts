import type { PayloadRequest } from 'payload'

import { log } from '../../../src/lib/logger'
import { releaseBudget, settleBudget } from '../../Tasks/operations/budget'
import type { RewardRow } from '../operations/transition'
import { isGivenUp, type RewardStatus } from '../transitions'

/**
 * Keeps the task's budget in step with its rewards, in the transition's transaction: an issued
 * reward's amount moves from reserved to spent, and a reversed one gives its spend back.
 * A failed reward keeps its reservation while its job may still retry it; it goes back to the
 * task when the reward is given up (`giveUpReward`, from `payout.alert`), or here, when a
 * reward staff were already alerted about (retries ran out while it was `issuing`) fails.
 * A staff retry reserves it again (`retryFailedReward`).
 */
export const budgetOnTransition = async (
  req: PayloadRequest,
  row: RewardRow,
  from: RewardStatus,
) => {
  const move = { taskId: row.task_id, amount: Number(row.amount) }
  try {
    if (row.status === 'issued' && from !== 'issued') await settleBudget(req, move)
    else if (row.status === 'reversed') await releaseBudget(req, { ...move, from: 'spent' })
    else if (row.status === 'failed' && from === 'issuing' && isGivenUp(row)) {
      await releaseBudget(req, { ...move, from: 'reserved' })
    }
  } catch (err) {
    // A reward made before budgets were reserved (older data) has nothing to move: never let
    // the budget's bookkeeping stop a payout from being recorded.
    log(
      `budget not moved for reward ${row.id} (${from} → ${row.status}): ${(err as Error).message}`,
    )
  }
}
