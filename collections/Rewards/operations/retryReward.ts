import type { PayloadRequest } from 'payload'

import { JOBS } from '../../../jobs/names'
import { enqueue } from '../../../jobs/queue'
import { hasRole } from '../../../src/access/roles'
import { actorOf, recordAudit } from '../../../src/lib/audit'
import { HttpError } from '../../../src/lib/errors'
import { idOf } from '../../../src/lib/ids'
import { withTransaction } from '../../../src/lib/transaction'

/**
 * An operator's "Retry payout" on a failed reward: checks the caller may act on it (an admin,
 * or a manager of its organisation), audits the request and queues `reward.issue`. The job then
 * claims the reward with the usual fenced `failed → issuing`, under a fresh idempotency key:
 * the failed payout is dead at the provider, so this cannot pay twice.
 */
export const retryFailedReward = async (req: PayloadRequest, id: number) => {
  if (!hasRole(req.user, ['admin', 'org-manager'])) {
    throw new HttpError('Only admins and organisation managers can retry a payout.', 403)
  }
  const found = await req.payload.find({
    collection: 'rewards',
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    overrideAccess: false,
    user: req.user,
  })
  const reward = found.docs[0]
  if (!reward) throw new HttpError('No such reward in your organisations.', 404)
  if (reward.status !== 'failed') {
    throw new HttpError(`Only a failed payout can be retried; this one is ${reward.status}.`, 409)
  }
  await withTransaction(req.payload, (tx) =>
    recordAudit(tx, {
      action: 'reward.retry-requested',
      entity: 'rewards',
      entityId: reward.id,
      actor: actorOf(req),
      organization: idOf(reward.organization),
      data: { attempt: reward.attempts, lastError: reward.lastError },
    }),
  )
  await enqueue(
    JOBS.issueReward,
    { rewardId: reward.id, attempt: reward.attempts },
    { uniqueBy: { 'data.rewardId': reward.id, 'data.attempt': reward.attempts } },
  )
  return { id: reward.id, status: reward.status, queued: true }
}
