/** A reward's life: see DESIGN.md §6. */
export const REWARD_STATUSES = ['reserved', 'issuing', 'issued', 'failed', 'reversed'] as const
export type RewardStatus = (typeof REWARD_STATUSES)[number]

/**
 * The transitions a reward may make. `issuing → issuing` is a takeover: a worker whose job lock
 * expired (or that died) is replaced by another, which bumps the attempt so the first one's
 * late writes are rejected by the fence.
 */
const NEXT: Record<RewardStatus, readonly RewardStatus[]> = {
  reserved: ['issuing'],
  issuing: ['issuing', 'issued', 'failed'],
  failed: ['issuing'],
  issued: ['reversed'],
  reversed: [],
}

/** True when a reward may move from `from` to `to`. The one place these rules live. */
export const canMoveReward = (from: RewardStatus, to: RewardStatus) => NEXT[from].includes(to)

/**
 * A failed reward whose automatic retries ran out (`payout.alert` stamped `alerted_at`): its
 * budget went back to the task, no job sends it again, and only a staff retry, which reserves
 * the budget again, may.
 */
export const isGivenUp = (row: { status: RewardStatus; alerted_at: Date | string | null }) =>
  row.status === 'failed' && row.alerted_at !== null

/** Statuses no payout job acts on any more. */
export const SETTLED_STATUSES: readonly RewardStatus[] = ['issued', 'reversed']

/** The key a provider sees for this reward's payout, derived from our own record. */
export const rewardIdempotencyKey = (submissionId: number | string) =>
  `bayanet-reward-${submissionId}`

/** Currencies a reward can be paid in. Xendit's GCash channel pays PHP only. */
export const CURRENCIES = ['PHP'] as const
