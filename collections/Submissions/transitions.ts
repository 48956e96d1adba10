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

const NEXT: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  pending: ['auto_approved', 'needs_review', 'approved', 'rejected'],
  needs_review: ['approved', 'rejected'],
  auto_approved: [],
  approved: [],
  rejected: [],
}

/** Why a change of status is refused, or undefined when it is allowed. */
export const submissionTransitionError = (from: SubmissionStatus, to: SubmissionStatus) => {
  if (from === to) return undefined
  if (NEXT[from].includes(to)) return undefined
  if (APPROVED_STATUSES.includes(from))
    return `This submission is already ${from.replace('_', '-')}.`
  if (from === 'rejected') return 'This submission was rejected; that decision is final.'
  return `A submission cannot go from ${from} to ${to}.`
}
