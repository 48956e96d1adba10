import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { transactionSql, withGuardFlag } from '../../../src/lib/pg'
import type { SubmissionStatus } from '../transitions'

/** What a decision writes onto the submission. */
export type DecisionWrite = {
  id: number
  from: readonly SubmissionStatus[]
  to: SubmissionStatus
  reviewerId: number | null
  note: string | null
}

/**
 * The compare-and-set behind every decision: moves the submission to `to` only while its status
 * is still one of `from`, in the caller's transaction. The row lock it takes is held to the
 * commit, so of any number of concurrent decisions exactly one sees its row count be 1.
 * Returns whether this caller won.
 */
export const claimDecision = async (req: PayloadRequest, write: DecisionWrite) => {
  const run = await transactionSql(req)
  const reviewedAt = new Date().toISOString()
  if (run) {
    const from = sql.join(
      write.from.map((status) => sql`${status}`),
      sql`, `,
    )
    const won = await withGuardFlag(run, 'bayanet.decision', () =>
      run(sql`
      UPDATE submissions
      SET status = ${write.to}, reviewer_id = ${write.reviewerId}, reviewed_at = ${reviewedAt},
        review_note = ${write.note}, updated_at = ${reviewedAt}
      WHERE id = ${write.id} AND status IN (${from})
      RETURNING id`),
    )
    return won.length === 1
  }
  // Without Postgres (MongoDB): a filtered update, whose filter the database applies per row.
  const { docs } = await req.payload.update({
    collection: 'submissions',
    where: { and: [{ id: { equals: write.id } }, { status: { in: [...write.from] } }] },
    data: {
      status: write.to,
      reviewer: write.reviewerId,
      reviewedAt,
      reviewNote: write.note,
    },
    overrideAccess: true,
    context: { decisionWrite: true },
    req,
  })
  return docs.length === 1
}
