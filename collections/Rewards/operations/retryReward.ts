import type { PayloadRequest } from 'payload'

import { JOBS } from '../../../jobs/names'
import { enqueue } from '../../../jobs/queue'
import { hasRole } from '../../../src/access/roles'
import { afterCommit } from '../../../src/lib/afterCommit'
import { actorOf } from '../../../src/lib/audit'
import { HttpError } from '../../../src/lib/errors'
import { formatPhp } from '../../../src/lib/money'
import { inRequestTransaction } from '../../../src/lib/transaction'
import { reserveBudget } from '../../Tasks/operations/budget'
import { RETRY_ROLES } from '../retryAccess'
import { isGivenUp } from '../transitions'
import { freshPayout } from './issueReward'
import { fenceOf, readReward, transitionReward } from './transition'

/** True when `user` holds a role that may retry payouts (the organisation is checked on read). */
export const canRetryRewards = (user: PayloadRequest['user']) => hasRole(user, RETRY_ROLES)

/** What a staff retry did, as the endpoint answers it. */
export type RetryResult = {
  id: number
  status: 'issuing'
  attempt: number
  /** PHP reserved again from the task's budget (0 when the reward still held its reservation). */
  budgetReserved: number
  queued: true
}

/**
 * An operator's "Retry payout" on a failed reward. Checks the caller may act on it (an admin,
 * or a manager of its organisation), then in ONE transaction:
 * - claims the reward with the fenced `failed → issuing` (status, attempt and give-up as read),
 *   under a fresh payout key, since the failed payout is dead at the provider and cannot pay;
 * - if the reward had been given up (its budget released), reserves its amount from the task's
 *   budget again, and refuses the retry with a 409 when the budget cannot cover it any more.
 * After the commit it queues `reward.issue` (if that is lost, reconciliation finds the
 * `issuing` reward the provider never saw and queues it).
 */
export const retryFailedReward = async (req: PayloadRequest, id: number): Promise<RetryResult> => {
  if (!canRetryRewards(req.user)) {
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
  if (!found.docs[0]) throw new HttpError('No such reward in your organisations.', 404)
  return resumeFailedReward(req, id, { retry: 'staff' })
}

/**
 * The retry itself, for a caller already allowed to make it (a staff member checked above, or
 * the system when new voucher codes arrive): the fenced `failed → issuing` under a fresh key,
 * the budget reserved again if it had been released, and the job queued after the commit.
 */
export const resumeFailedReward = async (
  req: PayloadRequest,
  id: number,
  { retry }: { retry: 'staff' | 'codes-imported' },
): Promise<RetryResult> => {
  const { payload } = req
  return inRequestTransaction(req, async () => {
    const row = await readReward({ payload, req }, id)
    if (!row) throw new HttpError('No such reward in your organisations.', 404)
    if (row.status !== 'failed') {
      throw new HttpError(`Only a failed payout can be retried; this one is ${row.status}.`, 409)
    }
    const givenUp = isGivenUp(row)
    const amount = Number(row.amount)
    const claimed = await transitionReward(payload, fenceOf(row), 'issuing', {
      bump: true,
      set: { ...freshPayout(row), lastError: null, alertedAt: null },
      actor: actorOf(req),
      audit: { retry, lastError: row.last_error, budgetReserved: givenUp ? amount : 0 },
      req,
    })
    if (!claimed) {
      throw new HttpError('This payout changed while you were retrying it. Reload and look.', 409)
    }
    if (givenUp) {
      try {
        await reserveBudget(req, { taskId: row.task_id, amount })
      } catch (err) {
        if (err instanceof HttpError && err.status === 409) {
          throw new HttpError(
            `This reward's ${formatPhp(amount)} went back to its task when the payout failed, and the task's budget cannot cover it any more. Raise the task's budget, then retry. (${err.message})`,
            409,
          )
        }
        throw err
      }
    }
    await afterCommit(req, () =>
      enqueue(
        JOBS.issueReward,
        { rewardId: claimed.id, attempt: claimed.attempts },
        { uniqueBy: { 'data.rewardId': claimed.id, 'data.attempt': claimed.attempts } },
      ),
    )
    return {
      id: claimed.id,
      status: 'issuing' as const,
      attempt: claimed.attempts,
      budgetReserved: givenUp ? amount : 0,
      queued: true as const,
    }
  })
}
