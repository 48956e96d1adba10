import type { PayloadRequest } from 'payload'

import { log } from '../../../src/lib/logger'
import { releaseBudget, settleBudget } from '../../Tasks/operations/budget'
import type { RewardRow } from '../operations/transition'
import type { RewardStatus } from '../transitions'

/**
 * Keeps the task's budget in step with its rewards, in the transition's transaction: an issued
 * reward's amount moves from reserved to spent, and a reversed one gives its spend back.
 * A failed reward keeps its reservation: the resident is still owed it and staff may retry it.
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
  } catch (err) {
    // A reward made before budgets were reserved (older data) has nothing to move: never let
    // the budget's bookkeeping stop a payout from being recorded.
    log(
      `budget not moved for reward ${row.id} (${from} → ${row.status}): ${(err as Error).message}`,
    )
  }
}
