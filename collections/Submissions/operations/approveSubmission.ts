import { ValidationError, type PayloadRequest } from 'payload'

import { onBehalfOf } from '../../../src/access/onBehalfOf'
import { actorOf, recordAudit } from '../../../src/lib/audit'
import { idOf } from '../../../src/lib/ids'
import { providerForNewReward } from '../../../providers/payouts'
import type { Resident, Reward, Submission, Task } from '../../../src/payload-types'
import { rewardIdempotencyKey } from '../../Rewards/transitions'
import { HttpError } from '../../../src/lib/errors'

/**
 * Creates the one reward an approved submission earns, in the caller's transaction. The
 * unique index on `rewards.submission` makes a second approval fail here, even when two
 * reviewers approve at the same instant.
 */
export const approveSubmission = async (
  req: PayloadRequest,
  submission: Submission,
): Promise<Reward> => {
  const { payload } = req
  const taskId = idOf(submission.task)!
  const task: Task =
    typeof submission.task === 'object'
      ? submission.task
      : await payload.findByID({ collection: 'tasks', id: taskId, depth: 0, ...onBehalfOf(req) })
  // The payout is fixed now: amount, currency, provider and the account it goes to. A later
  // change of the resident's GCash number affects later rewards only.
  const resident: Resident = await payload.findByID({
    collection: 'residents',
    id: idOf(submission.resident)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const kind = task.reward?.kind ?? 'gcash'
  const voucherPool = idOf(task.reward?.voucherPool) ?? null
  const idempotencyKey = rewardIdempotencyKey(submission.id)
  let reward: Reward
  try {
    reward = await payload.create({
      collection: 'rewards',
      data: {
        submission: submission.id,
        resident: idOf(submission.resident)!,
        task: taskId,
        organization: idOf(task.organization),
        kind,
        amount: task.reward?.amount ?? 0,
        currency: 'PHP',
        account: resident.gcashNumber || resident.phone,
        accountName: resident.name || undefined,
        voucherPool: kind === 'voucher' ? voucherPool : null,
        provider: providerForNewReward(kind, { voucherPool }),
        status: 'reserved',
        idempotencyKey,
        payoutKey: idempotencyKey,
        attempts: 0,
      },
      overrideAccess: true,
      req,
    })
  } catch (err) {
    if (err instanceof ValidationError) {
      throw new HttpError('This submission was already approved; its reward exists.', 409)
    }
    throw err
  }
  await recordAudit(req, {
    action: 'reward.reserved',
    entity: 'rewards',
    entityId: reward.id,
    actor: actorOf(req),
    organization: idOf(task.organization),
    data: {
      submission: submission.id,
      amount: reward.amount,
      currency: reward.currency,
      kind: reward.kind,
      provider: reward.provider,
    },
  })
  return reward
}
