import { ValidationError, type PayloadRequest } from 'payload'

import { actorOf, recordAudit } from '../../../src/lib/audit'
import { HttpError } from '../../../src/lib/errors'
import { idOf } from '../../../src/lib/ids'
import { providerForNewReward } from '../../../providers/payouts'
import type { Resident, Reward, Submission, Task } from '../../../src/payload-types'
import { reserveBudget } from '../../Tasks/operations/budget'
import { rewardIdempotencyKey } from '../../Rewards/transitions'

/**
 * Creates the one reward an approved submission earns, in the caller's transaction (called by
 * `reviewSubmission`, which has already claimed the submission). The amount and kind are the
 * ones offered when the resident submitted, snapshotted on the submission, and are reserved
 * from the task's budget first (409 when it is used up, rolling the approval back). The unique
 * index on `rewards.submission` is the last line: a second reward fails here.
 */
export const approveSubmission = async (
  req: PayloadRequest,
  submission: Submission,
): Promise<Reward> => {
  const { payload } = req
  const taskId = idOf(submission.task)!
  const task: Task = await payload.findByID({
    collection: 'tasks',
    id: taskId,
    depth: 0,
    overrideAccess: true,
    req,
  })
  // The payout is fixed now: amount, currency, provider and the account it goes to. A later
  // change of the resident's GCash number affects later rewards only.
  const resident: Resident = await payload.findByID({
    collection: 'residents',
    id: idOf(submission.resident)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  // The offer the resident accepted when submitting, not what the task says today.
  const amount = submission.rewardAmount ?? task.reward?.amount ?? 0
  const kind = submission.rewardKind ?? task.reward?.kind ?? 'gcash'
  const voucherPool = idOf(task.reward?.voucherPool) ?? null
  const idempotencyKey = rewardIdempotencyKey(submission.id)
  await reserveBudget(req, { taskId, amount })
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
        amount,
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
