import type { Field } from 'payload'

import { REWARD_MAX_PHP, REWARD_MIN_PHP, validatePhp } from '../lib/money'

/** How a reward is paid out. */
export const REWARD_KINDS = [
  { label: 'GCash', value: 'gcash' },
  { label: 'Voucher', value: 'voucher' },
]

/**
 * A reward's kind and amount in PHP (centavo precision), shared by tasks (the offer, bounded
 * ₱1–₱10,000) and rewards (the payout).
 */
export const rewardFields = ({ kindDefault }: { kindDefault?: string } = {}): Field[] => [
  {
    name: 'kind',
    type: 'select',
    required: true,
    defaultValue: kindDefault,
    options: REWARD_KINDS,
  },
  {
    name: 'amount',
    type: 'number',
    required: true,
    min: REWARD_MIN_PHP,
    max: REWARD_MAX_PHP,
    validate: validatePhp({ min: REWARD_MIN_PHP, max: REWARD_MAX_PHP }),
    admin: { description: `PHP, ${REWARD_MIN_PHP} to ${REWARD_MAX_PHP.toLocaleString('en')}` },
  },
]
