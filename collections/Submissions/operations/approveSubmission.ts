import { ValidationError, type PayloadRequest } from 'payload'

import { onBehalfOf } from '../../../src/access/onBehalfOf'
import { actorOf, recordAudit } from '../../../src/lib/audit'
import { idOf } from '../../../src/lib/ids'
import type { Reward, Submission, Task } from '../../../src/payload-types'
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
  let reward: Reward
  try {
    reward = await payload.create({
      collection: 'rewards',
      data: {
        submission: submission.id,
        resident: idOf(submission.resident)!,
        task: taskId,
        organization: idOf(task.organization),
        kind: task.reward?.kind ?? 'gcash',
        amount: task.reward?.amount ?? 0,
        status: 'reserved',
        idempotencyKey: rewardIdempotencyKey(submission.id),
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
    data: { submission: submission.id, amount: reward.amount, kind: reward.kind },
  })
  return reward
}
