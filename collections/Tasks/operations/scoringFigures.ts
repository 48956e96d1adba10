import type { PayloadRequest, Where } from 'payload'

import { onBehalfOf } from '../../../src/access/onBehalfOf'
import { asStaff } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { thresholdsOf } from '../../Submissions/operations/scoring/loadContext'

/** Scores above this lean "reject" when a task has no auto-reject threshold. */
export const DEFAULT_LEAN = 50

/** How a task's submissions were decided, and how often reviewers disagreed with the score. */
export type ScoringFigures = {
  task: number
  thresholds: { approveBelow: number; rejectAbove: number | null }
  /** Scores above this lean towards rejection (rejectAbove, or 50 when the task never auto-rejects). */
  leanRejectAbove: number
  total: number
  autoApproved: number
  autoRejected: number
  reviewed: number
  approvedByReviewer: number
  rejectedByReviewer: number
  /** Reviewer approved a score that leaned reject, or rejected one that leaned approve. */
  overruled: number
  /** overruled / reviewed scored submissions, 0–1; null before any. */
  overruleRate: number | null
  awaitingDecision: number
  scoringFailed: number
}

/**
 * Per-task figures for the people who set thresholds. Staff of the task's organisation only
 * (the task is read with the caller's access: 404 for anyone else).
 */
export const scoringFigures = async (
  req: PayloadRequest,
  taskId: number,
): Promise<ScoringFigures> => {
  if (!asStaff(req.user)) throw new HttpError('Only staff can see scoring figures.', 403)
  if (!Number.isInteger(taskId) || taskId <= 0) throw new HttpError('Task not found.', 404)
  const task = await req.payload
    .findByID({ collection: 'tasks', id: taskId, depth: 0, ...onBehalfOf(req) })
    .catch(() => null)
  if (!task) throw new HttpError('Task not found.', 404)
  const thresholds = thresholdsOf(task)
  const lean = thresholds.rejectAbove ?? DEFAULT_LEAN
  const count = async (...where: Where[]) =>
    (
      await req.payload.count({
        collection: 'submissions',
        where: { and: [{ task: { equals: taskId } }, ...where] },
        overrideAccess: true,
        req,
      })
    ).totalDocs
  const byReviewer: Where = { reviewer: { exists: true } }
  const [total, autoApproved, autoRejected, approvedByReviewer, rejectedByReviewer] =
    await Promise.all([
      count(),
      count({ status: { equals: 'auto_approved' } }),
      count(
        { status: { equals: 'rejected' } },
        { scoreRoute: { equals: 'auto_reject' } },
        {
          reviewer: { exists: false },
        },
      ),
      count(byReviewer, { status: { equals: 'approved' } }),
      count(byReviewer, { status: { equals: 'rejected' } }),
    ])
  const [overApproved, overRejected, reviewedScored, awaitingDecision, scoringFailed] =
    await Promise.all([
      count(byReviewer, { status: { equals: 'approved' } }, { score: { greater_than: lean } }),
      count(byReviewer, { status: { equals: 'rejected' } }, { score: { less_than_equal: lean } }),
      count(byReviewer, { status: { in: ['approved', 'rejected'] } }, { score: { exists: true } }),
      count({ status: { in: ['pending', 'needs_review'] } }),
      count({ scoreRoute: { equals: 'failed' } }),
    ])
  const overruled = overApproved + overRejected
  return {
    task: taskId,
    thresholds,
    leanRejectAbove: lean,
    total,
    autoApproved,
    autoRejected,
    reviewed: approvedByReviewer + rejectedByReviewer,
    approvedByReviewer,
    rejectedByReviewer,
    overruled,
    overruleRate: reviewedScored ? overruled / reviewedScored : null,
    awaitingDecision,
    scoringFailed,
  }
}
