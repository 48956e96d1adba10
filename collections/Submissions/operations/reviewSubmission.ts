import type { PayloadRequest } from 'payload'

import { JOBS } from '../../../jobs/names'
import { enqueue } from '../../../jobs/queue'
import { asStaff, hasRole, isAdminUser, organizationIds } from '../../../src/access/roles'
import { afterCommit } from '../../../src/lib/afterCommit'
import { actorOf, recordAudit } from '../../../src/lib/audit'
import { HttpError } from '../../../src/lib/errors'
import { idOf } from '../../../src/lib/ids'
import { inRequestTransaction } from '../../../src/lib/transaction'
import type { Submission } from '../../../src/payload-types'
import { refreshTaskCapacity } from '../../Tasks/operations/capacity'
import {
  APPROVED_STATUSES,
  fromStatuses,
  SUBMISSION_STATUSES,
  submissionTransitionError,
  type Decider,
  type SubmissionStatus,
} from '../transitions'
import { approveSubmission } from './approveSubmission'
import { claimDecision } from './claimDecision'
import { notifyOutcome } from './notifyOutcome'

/** The longest review note kept. */
export const REVIEW_NOTE_MAX = 1000

const readSubmission = async (req: PayloadRequest, id: number) => {
  const { docs } = await req.payload.find({
    collection: 'submissions',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] as Submission | undefined
}

/** Staff may decide only submissions of their organisations' tasks; the system any. */
const deciderFor = (req: PayloadRequest, submission: Submission | undefined): Decider => {
  if (!req.user) return 'system'
  const staff = asStaff(req.user)
  if (!staff) throw new HttpError('Only staff of the task’s organisation can review it.', 403)
  const allowed =
    submission &&
    (isAdminUser(staff) ||
      (hasRole(staff, ['org-manager', 'reviewer']) &&
        organizationIds(staff).includes(idOf(submission.organization) ?? -1)))
  if (!allowed) throw new HttpError('Submission not found.', 404)
  return 'staff'
}

const readNote = (note: unknown) => {
  if (note === undefined || note === null) return null
  if (typeof note !== 'string') throw new HttpError('"reviewNote" must be text.', 400)
  const trimmed = note.trim()
  if (trimmed.length > REVIEW_NOTE_MAX) {
    throw new HttpError(`Keep the review note under ${REVIEW_NOTE_MAX} characters.`, 400)
  }
  return trimmed || null
}

/**
 * THE way a submission is decided: by a reviewer (REST, GraphQL, bulk, the admin) or by the
 * scoring rules (`req` without a user). In one transaction (the caller's, or its own) it
 * claims the submission with a guarded UPDATE, so of concurrent decisions exactly one wins and
 * the others get 409; re-reads it; on approval reserves the task's budget and creates the one
 * reward; writes the audit entries and the resident's SMS; and only after the commit enqueues
 * the payout and the SMS.
 */
export const reviewSubmission = async (
  req: PayloadRequest,
  id: number,
  decision: unknown,
  note?: unknown,
): Promise<Submission> => {
  if (!Number.isInteger(id) || id <= 0) throw new HttpError('Submission not found.', 404)
  if (typeof decision !== 'string' || !SUBMISSION_STATUSES.includes(decision as SubmissionStatus)) {
    throw new HttpError(
      `"${String(decision)}" is not a review decision; use "approved" or "rejected".`,
      400,
    )
  }
  const to = decision as SubmissionStatus
  const reviewNote = readNote(note)

  return inRequestTransaction(req, async () => {
    const current = await readSubmission(req, id)
    const decider = deciderFor(req, current)
    if (!current) throw new HttpError('Submission not found.', 404)
    const from = fromStatuses(decider, to)
    if (!from.length)
      throw new HttpError(submissionTransitionError(current.status, to, decider)!, 400)
    if (to === 'rejected' && !reviewNote) {
      throw new HttpError('Say why you reject it: the resident reads the reason.', 400)
    }
    const refusal = submissionTransitionError(current.status, to, decider)
    if (refusal) throw new HttpError(refusal, 409)
    const staff = asStaff(req.user)
    const won = await claimDecision(req, {
      id,
      from,
      to,
      reviewerId: staff?.id ?? null,
      note: reviewNote,
    })
    if (!won) {
      const now = await readSubmission(req, id)
      const why = now && submissionTransitionError(now.status, to, decider)
      throw new HttpError(why ?? 'Someone else decided this submission first.', 409)
    }
    const decided = (await readSubmission(req, id))!
    const taskId = idOf(decided.task)!
    // Task row first, audit log after: every writer takes them in this order (no deadlock).
    if (APPROVED_STATUSES.includes(to)) {
      const reward = await approveSubmission(req, decided)
      await afterCommit(req, () =>
        enqueue(
          JOBS.issueReward,
          { rewardId: reward.id },
          { uniqueBy: { 'data.rewardId': reward.id } },
        ),
      )
    }
    await refreshTaskCapacity(req, taskId)
    await recordAudit(req, {
      action: `submission.${to}`,
      entity: 'submissions',
      entityId: id,
      actor: actorOf(req),
      organization: idOf(decided.organization),
      data: { from: current.status, to, reviewNote: reviewNote ?? undefined },
    })
    await notifyOutcome(req, decided)
    return decided
  })
}
