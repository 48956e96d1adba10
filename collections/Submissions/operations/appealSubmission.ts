import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { asResident } from '../../../src/access/roles'
import { lockForTransaction } from '../../../src/lib/advisoryLock'
import { actorOf, recordAudit } from '../../../src/lib/audit'
import { HttpError } from '../../../src/lib/errors'
import { idOf } from '../../../src/lib/ids'
import { transactionSql, withGuardFlag } from '../../../src/lib/pg'
import { inRequestTransaction } from '../../../src/lib/transaction'
import type { Submission } from '../../../src/payload-types'
import { refreshTaskCapacity } from '../../Tasks/operations/capacity'
import { residentLockKey } from './locks'

/** The longest appeal message kept. */
export const APPEAL_MAX = 1000

/**
 * Sends a rejected submission back to review with the resident's message. Allowed once per
 * submission, to its own resident, and only while their other submissions leave room under the
 * task's per-resident cap. One guarded UPDATE decides, so a double tap appeals once.
 */
export const appealSubmission = async (req: PayloadRequest, id: number, message: unknown) => {
  const resident = asResident(req.user)
  if (!resident) throw new HttpError('Sign in with your phone to appeal.', 401)
  if (typeof message !== 'string' || message.trim().length < 3) {
    throw new HttpError('Tell the reviewers why the decision should change ("message").', 400)
  }
  if (message.trim().length > APPEAL_MAX) {
    throw new HttpError(`Keep your appeal under ${APPEAL_MAX} characters.`, 400)
  }
  const text = message.trim()
  const { payload } = req
  return inRequestTransaction(req, async () => {
    const { docs } = await payload.find({
      collection: 'submissions',
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    const submission = docs[0] as Submission | undefined
    if (!submission) throw new HttpError('Submission not found.', 404)
    if (submission.status !== 'rejected') {
      throw new HttpError('Only a rejected submission can be appealed.', 409)
    }
    if (submission.appealedAt) {
      throw new HttpError('You already appealed this submission; that decision is final.', 409)
    }
    const taskId = idOf(submission.task)!
    await lockForTransaction(req, residentLockKey(resident.id))
    const task = await payload.findByID({
      collection: 'tasks',
      id: taskId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const perResident = task.caps?.perResident ?? 1
    const { totalDocs } = await payload.count({
      collection: 'submissions',
      where: {
        task: { equals: taskId },
        resident: { equals: resident.id },
        status: { not_equals: 'rejected' },
      },
      overrideAccess: true,
      req,
    })
    if (totalDocs >= perResident) {
      throw new HttpError('You have submitted this task again since; appeal is closed.', 409)
    }
    const now = new Date().toISOString()
    const run = await transactionSql(req)
    let won: boolean
    if (run) {
      const rows = await withGuardFlag(run, 'bayanet.decision', () =>
        run(sql`
        UPDATE submissions SET status = 'needs_review', appeal_message = ${text},
          appealed_at = ${now}, updated_at = ${now}
        WHERE id = ${id} AND resident_id = ${resident.id} AND status = 'rejected'
          AND appealed_at IS NULL
        RETURNING id`),
      )
      won = rows.length === 1
    } else {
      const updated = await payload.update({
        collection: 'submissions',
        where: {
          and: [
            { id: { equals: id } },
            { status: { equals: 'rejected' } },
            { appealedAt: { exists: false } },
          ],
        },
        data: { status: 'needs_review', appealMessage: text, appealedAt: now },
        overrideAccess: true,
        context: { decisionWrite: true },
        req,
      })
      won = updated.docs.length === 1
    }
    if (!won) throw new HttpError('You already appealed this submission.', 409)
    await refreshTaskCapacity(req, taskId)
    await recordAudit(req, {
      action: 'submission.appealed',
      entity: 'submissions',
      entityId: id,
      actor: actorOf(req),
      organization: idOf(submission.organization),
      data: { from: 'rejected', to: 'needs_review' },
    })
    return payload.findByID({
      collection: 'submissions',
      id,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
  })
}
