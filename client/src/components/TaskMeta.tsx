import type { Task } from '../api/types'
import { formatDate, t, type MessageKey } from '../i18n'

/** "₱50 GCash" or "₱50 voucher". */
export const rewardText = (reward: Task['reward']) =>
  reward?.amount != null
    ? t(reward.kind === 'voucher' ? 'reward.voucher' : 'reward.gcash', {
        amount: reward.amount.toLocaleString('en-PH'),
      })
    : ''

/** The resident-facing name of a submission status. */
export const statusText = (status: string) => t(`status.${status}` as MessageKey)
