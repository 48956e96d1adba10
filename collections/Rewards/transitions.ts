/** A reward's life: see DESIGN.md §6. */
export const REWARD_STATUSES = ['reserved', 'issuing', 'issued', 'failed', 'reversed'] as const
export type RewardStatus = (typeof REWARD_STATUSES)[number]

const NEXT: Record<RewardStatus, readonly RewardStatus[]> = {
  reserved: ['issuing'],
  issuing: ['issuing', 'issued', 'failed'],
  failed: ['issuing'],
  issued: ['reversed'],
  reversed: [],
}

/** True when a reward may move from `from` to `to`. The one place these rules live. */
export const canMoveReward = (from: RewardStatus, to: RewardStatus) => NEXT[from].includes(to)

/** The key a provider sees for this reward's payout, derived from our own record. */
export const rewardIdempotencyKey = (submissionId: number | string) =>
  `bayanet-reward-${submissionId}`
