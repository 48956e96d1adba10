import type { Field } from 'payload'

/** How a reward is paid out. */
export const REWARD_KINDS = [
  { label: 'GCash', value: 'gcash' },
  { label: 'Voucher', value: 'voucher' },
]

/** A reward's kind and amount in PHP, shared by tasks (the offer) and rewards (the payout). */
export const rewardFields = ({ kindDefault }: { kindDefault?: string } = {}): Field[] => [
  {
    name: 'kind',
    type: 'select',
    required: true,
    defaultValue: kindDefault,
    options: REWARD_KINDS,
  },
  { name: 'amount', type: 'number', required: true, min: 0, admin: { description: 'PHP' } },
]
