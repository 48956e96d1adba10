import type { PayloadRequest } from 'payload'
import React from 'react'

import { mayRetryPayouts } from '../../../collections/Rewards/retryAccess'
import { POOL_EMPTY } from '../../../providers/payouts/voucherPool'
import { asStaff } from '../../access/roles'
import { manilaTime, peso } from '../../lib/format'
import { RetryPayoutPanel } from './RetryPayoutPanel'

type Props = { id?: number | string; payload: PayloadRequest['payload']; req: PayloadRequest }

/**
 * On a reward's page, when its payout failed: why it failed, whether its budget went back to
 * the task, and (for staff who may retry) the "Retry payout" button. Reads the reward through
 * the Local API with the viewer's access.
 */
export const RetryPayout = async ({ id, payload, req }: Props) => {
  const staff = asStaff(req.user)
  if (!id || !staff) return null
  const reward = await payload
    .findByID({ collection: 'rewards', id, depth: 0, overrideAccess: false, user: staff })
    .catch(() => null)
  if (!reward || reward.status !== 'failed') return null
  const waitsForCodes = reward.lastError === POOL_EMPTY
  return (
    <RetryPayoutPanel
      rewardId={reward.id}
      reason={
        waitsForCodes
          ? 'The voucher pool has no codes left. Import more codes into the pool, then retry.'
          : `Reason: ${reward.lastError || 'the provider gave none'}.`
      }
      detail={`Attempt ${reward.attempts}. ${
        reward.alertedAt
          ? `Automatic retries ran out ${manilaTime(reward.alertedAt)} (Manila time); its ${peso(reward.amount)} went back to the task's budget, and a retry reserves it again.`
          : 'Its budget is still reserved.'
      }`}
      canRetry={mayRetryPayouts(staff.roles)}
    />
  )
}

export default RetryPayout
