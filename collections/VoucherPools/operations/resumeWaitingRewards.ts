import type { Payload } from 'payload'

import { POOL_EMPTY } from '../../../providers/payouts/voucherPool'
import { HttpError } from '../../../src/lib/errors'
import { query } from '../../../src/lib/sql'
import { withTransaction } from '../../../src/lib/transaction'
import { resumeFailedReward } from '../../Rewards/operations/retryReward'

/**
 * After codes arrive in a pool, pays the rewards that failed only for lack of codes, oldest
 * first, as many as codes were added: each is retried in its own transaction (fenced, so a
 * staff retry or a second import racing it wins once). One that cannot be retried (its task's
 * budget is gone, or someone moved it first) is left for staff, as before.
 */
export const resumeWaitingRewards = async (payload: Payload, poolId: number, codes: number) => {
  if (codes <= 0) return 0
  const waiting = await query<{ id: number }>(
    { payload },
    `SELECT id FROM rewards
      WHERE voucher_pool_id = $1 AND status = 'failed' AND last_error = $2
      ORDER BY id LIMIT $3`,
    [poolId, POOL_EMPTY, codes],
  )
  let resumed = 0
  for (const { id } of waiting) {
    try {
      await withTransaction(payload, (req) =>
        resumeFailedReward(req, id, { retry: 'codes-imported' }),
      )
      resumed++
    } catch (err) {
      if (!(err instanceof HttpError)) throw err
      payload.logger.warn({ msg: 'waiting voucher reward left for staff', rewardId: id, err })
    }
  }
  return resumed
}
