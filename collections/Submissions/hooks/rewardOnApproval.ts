import type { CollectionAfterChangeHook } from 'payload'

import { JOBS } from '../../../jobs/names'
import { enqueue } from '../../../jobs/queue'
import { auditStatusChange } from '../../../src/lib/audit'
import type { Submission } from '../../../src/payload-types'
import { approveSubmission } from '../operations/approveSubmission'
import { APPROVED_STATUSES } from '../transitions'

/**
 * Writes every status change to the audit log; on approval creates the reward in the same
 * transaction and queues its payout.
 */
export const rewardOnApproval: CollectionAfterChangeHook<Submission> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const changed = await auditStatusChange(req, {
    prefix: 'submission',
    entity: 'submissions',
    operation,
    doc,
    previousStatus: previousDoc?.status,
    data: { reviewNote: doc.reviewNote ?? undefined },
  })
  if (!changed) return doc
  if (!APPROVED_STATUSES.includes(doc.status)) return doc
  const reward = await approveSubmission(req, doc)
  await enqueue(
    JOBS.issueReward,
    { rewardId: reward.id },
    { uniqueBy: { 'data.rewardId': reward.id } },
  )
  return doc
}
