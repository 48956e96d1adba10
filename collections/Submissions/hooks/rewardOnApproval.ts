import type { CollectionAfterChangeHook } from 'payload'

import { JOBS } from '../../../jobs/names'
import { enqueue } from '../../../jobs/queue'
import { actorOf, recordAudit } from '../../../src/lib/audit'
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
  const from = operation === 'create' ? null : previousDoc?.status
  if (from === doc.status) return doc
  await recordAudit(req, {
    action: operation === 'create' ? 'submission.created' : `submission.${doc.status}`,
    entity: 'submissions',
    entityId: doc.id,
    actor: actorOf(req),
    organization: typeof doc.organization === 'object' ? doc.organization?.id : doc.organization,
    data: { from, to: doc.status, reviewNote: doc.reviewNote ?? undefined },
  })
  if (!APPROVED_STATUSES.includes(doc.status)) return doc
  const reward = await approveSubmission(req, doc)
  await enqueue(
    JOBS.issueReward,
    { rewardId: reward.id },
    { uniqueBy: { 'data.rewardId': reward.id } },
  )
  return doc
}
