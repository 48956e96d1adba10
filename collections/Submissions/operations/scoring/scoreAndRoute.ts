import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { recordAudit } from '../../../../src/lib/audit'
import { idOf } from '../../../../src/lib/ids'
import { RULES, scoreSubmission, type Route } from '../../../../src/lib/scoring/engine'
import { indexPhotoHash } from '../../../../src/lib/scoring/nearDuplicates'
import type { Reason, Rule } from '../../../../src/lib/scoring/types'
import { withTransaction } from '../../../../src/lib/transaction'
import type { Submission } from '../../../../src/payload-types'
import { reviewSubmission } from '../reviewSubmission'
import { loadContext, thresholdsOf } from './loadContext'

/** What scoring did with one submission. */
export type ScoreOutcome = 'scored' | 'already-scored' | 'failed' | 'not-found'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows?: Loose[] }> }
type Loose = Record<string, unknown>

/** The transaction's own connection, for the one guarded UPDATE. */
const sessionDb = async (req: PayloadRequest) => {
  const sessions = (req.payload.db as unknown as { sessions?: Record<string, { db: Executor }> })
    .sessions
  const id = req.transactionID ? await req.transactionID : undefined
  return id == null ? undefined : sessions?.[String(id)]?.db
}

/**
 * Stores a score once: the UPDATE only matches a submission not yet scored, so a job retried
 * or racing the sweep scores it exactly once. Returns the status it had, or undefined if lost.
 */
const claimScore = async (
  req: PayloadRequest,
  id: number,
  score: number | null,
  reasons: Reason[],
  route: Route | 'failed',
) => {
  const db = await sessionDb(req)
  if (!db) throw new Error('scoring needs a Postgres transaction')
  const { rows = [] } = await db.execute(
    sql`UPDATE submissions SET score = ${score}, reasons = ${JSON.stringify(reasons)}::jsonb,
        score_route = ${route}, updated_at = now()
        WHERE id = ${id} AND score_route IS NULL RETURNING status`,
  )
  return rows[0]?.status as Submission['status'] | undefined
}

const FAILED: Reason = {
  rule: 'scoring_failed',
  points: 0,
  en: 'Automatic checks could not finish; a person must review this submission.',
  fil: 'Hindi natapos ang awtomatikong pagsusuri; kailangang suriin ito ng tao.',
}

/** Moves a submission out of `pending` through THE decision operation, as the system. */
const decide = (req: PayloadRequest, id: number, status: Submission['status'], note?: string) =>
  reviewSubmission(req, id, status, note)

const STATUS_FOR: Record<Route, Submission['status']> = {
  auto_approve: 'auto_approved',
  auto_reject: 'rejected',
  review: 'needs_review',
}

/**
 * Scores one submission and routes it by its task's thresholds: auto-approve, a reviewer, or
 * auto-reject. Only a `pending` submission (a task that lets scores decide) is decided here;
 * others just get their score and reasons for the reviewer. If scoring throws, the submission
 * goes to a reviewer with a `scoring_failed` reason — never lost, never decided blind.
 */
export const scoreAndRoute = async (
  payload: Payload,
  submissionId: number,
  { rules = RULES }: { rules?: Rule[] } = {},
): Promise<ScoreOutcome> => {
  const { docs } = await payload.find({
    collection: 'submissions',
    where: { id: { equals: submissionId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const submission = docs[0]
  if (!submission) return 'not-found'
  if (submission.scoreRoute) return 'already-scored'
  try {
    const task = await payload.findByID({
      collection: 'tasks',
      id: idOf(submission.task)!,
      depth: 0,
      overrideAccess: true,
    })
    const context = await loadContext(payload, submission, task)
    if (context.photo?.hash) {
      // Indexed before comparing: two copies scored at once still see each other.
      await indexPhotoHash(payload, {
        submission: submission.id,
        resident: context.resident.id,
        hash: context.photo.hash,
      })
    }
    const verdict = scoreSubmission(context, thresholdsOf(task), undefined, rules)
    return await withTransaction(payload, async (req) => {
      const status = await claimScore(
        req,
        submission.id,
        verdict.score,
        verdict.reasons,
        verdict.route,
      )
      if (status === undefined) return 'already-scored'
      // Audited when the score decides; on a submission already waiting for a person it is only
      // an annotation, like any other field a reviewer reads.
      if (status !== 'pending') return 'scored' as const
      await recordAudit(req, {
        action: 'submission.scored',
        entity: 'submissions',
        entityId: submission.id,
        actor: { type: 'system' },
        organization: idOf(submission.organization),
        data: {
          score: verdict.score,
          route: verdict.route,
          rules: verdict.reasons.filter((r) => r.points > 0).map((r) => r.rule),
        },
      })
      {
        const note =
          verdict.route === 'auto_reject'
            ? `Rejected automatically: ${verdict.reasons
                .filter((r) => r.points > 0)
                .map((r) => r.en)
                .join(' ')}`.slice(0, 1000)
            : undefined
        await decide(req, submission.id, STATUS_FOR[verdict.route], note)
      }
      return 'scored' as const
    })
  } catch (err) {
    payload.logger.error({ msg: 'scoring failed; sent to review', submissionId, err })
    await withTransaction(payload, async (req) => {
      const status = await claimScore(req, submission.id, null, [FAILED], 'failed')
      if (status !== 'pending') return
      await recordAudit(req, {
        action: 'submission.scoring_failed',
        entity: 'submissions',
        entityId: submission.id,
        actor: { type: 'system' },
        organization: idOf(submission.organization),
        data: { error: err instanceof Error ? err.message.slice(0, 200) : 'unknown' },
      })
      await decide(req, submission.id, 'needs_review')
    })
    return 'failed'
  }
}
