/** Plain-English names for every status staff see; the stored values stay as they are. */
export const TASK_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  published: 'Published',
  closed: 'Closed',
}

export const SUBMISSION_STATUS_LABELS: Record<string, string> = {
  pending: 'Being checked',
  auto_approved: 'Approved automatically',
  needs_review: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Rejected',
}

export const REWARD_STATUS_LABELS: Record<string, string> = {
  reserved: 'Waiting to be paid',
  issuing: 'Being paid',
  issued: 'Paid',
  failed: 'Payment failed',
  reversed: 'Reversed',
}

/** Select options for a status list, labelled for people. */
export const statusOptions = (labels: Record<string, string>, values = Object.keys(labels)) =>
  values.map((value) => ({ label: labels[value] ?? value, value }))

/** Where a published task stands in time: not started yet, running, or past its end. */
export const taskTiming = (
  task: { status?: string | null; startsAt?: string | null; endsAt?: string | null },
  now = new Date(),
) => {
  if (task.status !== 'published') return TASK_STATUS_LABELS[task.status ?? ''] ?? task.status ?? ''
  if (task.startsAt && new Date(task.startsAt) > now) return 'Scheduled'
  if (task.endsAt && new Date(task.endsAt) <= now) return 'Ended'
  return 'Live'
}
