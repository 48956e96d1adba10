import type { CollectionBeforeChangeHook } from 'payload'

import { asStaff } from '../../../src/access/roles'
import {
  SUBMISSION_STATUSES,
  submissionTransitionError,
  type SubmissionStatus,
} from '../transitions'
import { HttpError } from '../../../src/lib/errors'

/** Status changes follow DESIGN.md §6, and record who decided and when. */
export const guardReview: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !data.status || !originalDoc) return data
  const from = originalDoc.status as SubmissionStatus
  const to = data.status as SubmissionStatus
  if (!SUBMISSION_STATUSES.includes(to)) {
    throw new HttpError(
      `"${String(to)}" is not a review decision; use "approved" or "rejected".`,
      400,
    )
  }
  if (from === to) {
    if (from === 'approved' || from === 'rejected') {
      throw new HttpError(`This submission is already ${from}.`, 409)
    }
    return data
  }
  const refusal = submissionTransitionError(from, to)
  if (refusal) throw new HttpError(refusal, 409)
  const staff = asStaff(req.user)
  if (staff) data.reviewer = staff.id
  data.reviewedAt = new Date().toISOString()
  return data
}
