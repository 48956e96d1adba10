/** A submission's life: see DESIGN.md §6. */
export const SUBMISSION_STATUSES = [
  'pending',
  'auto_approved',
  'needs_review',
  'approved',
  'rejected',
] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

/** Statuses that create the reward. */
export const APPROVED_STATUSES: readonly SubmissionStatus[] = ['approved', 'auto_approved']

/** Statuses whose decision is made; a rejection may still be appealed once. */
export const DECIDED_STATUSES: readonly SubmissionStatus[] = [
  'approved',
  'auto_approved',
  'rejected',
]

/** Who is deciding: a person (staff) or the scoring rules (system). */
export type Decider = 'staff' | 'system'

/**
 * The one table of allowed moves, per decider. Staff decide what waits for review (and what
 * scoring has not reached yet); the system decides only what it is scoring. `rejected →
 * needs_review` is the resident's single appeal, made by `appealSubmission`, not a decision.
 */
const NEXT: Record<Decider, Partial<Record<SubmissionStatus, readonly SubmissionStatus[]>>> = {
  staff: {
    needs_review: ['approved', 'rejected'],
    pending: ['approved', 'rejected'],
  },
  system: {
    pending: ['auto_approved', 'needs_review', 'rejected'],
  },
}

/** The statuses `decider` may move a submission out of into `to` (for the guarded UPDATE). */
export const fromStatuses = (decider: Decider, to: SubmissionStatus): SubmissionStatus[] =>
  (Object.keys(NEXT[decider]) as SubmissionStatus[]).filter((from) =>
    NEXT[decider][from]?.includes(to),
  )

/** Why a change of status is refused, or undefined when it is allowed. */
export const submissionTransitionError = (
  from: SubmissionStatus,
  to: SubmissionStatus,
  decider: Decider = 'staff',
) => {
  if (NEXT[decider][from]?.includes(to)) return undefined
  if (APPROVED_STATUSES.includes(from))
    return `This submission is already ${from.replace('_', '-')}.`
  if (from === 'rejected') return 'This submission was rejected; that decision is final.'
  if (!fromStatuses(decider, to).length) {
    return decider === 'staff'
      ? `"${to}" is not a review decision; use "approved" or "rejected".`
      : `The scoring rules cannot set "${to}".`
  }
  return `A submission cannot go from ${from} to ${to}.`
}
