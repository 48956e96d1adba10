import type { Payload } from 'payload'

import type { PayoutProvider } from '../../../providers/payouts/types'
import { recordAudit } from '../../../src/lib/audit'
import { idOf } from '../../../src/lib/ids'
import { withTransaction } from '../../../src/lib/transaction'
import type { Resident, Reward } from '../../../src/payload-types'
import { canMoveReward, type RewardStatus } from '../transitions'

/** The reward is not visible yet (its approval has not committed) or no longer exists. */
export class RewardNotFound extends Error {
  override name = 'RewardNotFound'
}

/** The provider refused for now; the job retries with backoff. */
export class PayoutRetryable extends Error {
  override name = 'PayoutRetryable'
}

/** What `issueReward` did. */
export type IssueOutcome = 'issued' | 'pending' | 'failed' | 'already-settled'

const move = (
  payload: Payload,
  reward: Reward,
  to: RewardStatus,
  data: Partial<Reward>,
  audit?: Record<string, unknown>,
) =>
  withTransaction(payload, async (req) => {
    if (!canMoveReward(reward.status, to)) {
      throw new Error(`reward ${reward.id} cannot move from ${reward.status} to ${to}`)
    }
    const updated = await payload.update({
      collection: 'rewards',
      id: reward.id,
      data: { ...data, status: to },
      overrideAccess: true,
      req,
    })
    if (reward.status !== to) {
      await recordAudit(req, {
        action: `reward.${to}`,
        entity: 'rewards',
        entityId: reward.id,
        actor: { type: 'system' },
        organization: reward.organization == null ? undefined : idOf(reward.organization),
        data: { from: reward.status, ...audit },
      })
    }
    return updated
  })

/**
 * Pays one reward through `provider`. Safe to run any number of times: a settled reward is
 * left alone, and the provider sees the same idempotency key on every attempt, so a crash
 * between its answer and our update cannot pay twice.
 */
export const issueReward = async (
  payload: Payload,
  rewardId: number,
  provider: PayoutProvider,
): Promise<IssueOutcome> => {
  const found = await payload.find({
    collection: 'rewards',
    where: { id: { equals: rewardId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  let reward = found.docs[0]
  if (!reward) throw new RewardNotFound(`reward ${rewardId} not found`)
  if (reward.status === 'issued' || reward.status === 'reversed') return 'already-settled'

  reward = await move(payload, reward, 'issuing', {
    attempts: reward.attempts + 1,
    provider: provider.name,
  })
  const resident: Resident = await payload.findByID({
    collection: 'residents',
    id: idOf(reward.resident)!,
    depth: 0,
    overrideAccess: true,
  })
  const result = await provider.send({
    idempotencyKey: reward.idempotencyKey,
    kind: reward.kind,
    amount: reward.amount,
    currency: 'PHP',
    account: resident.gcashNumber || resident.phone,
    description: `Bayanet reward ${reward.id}`,
  })

  if (result.status === 'succeeded') {
    await move(
      payload,
      reward,
      'issued',
      {
        providerRef: result.providerRef,
        voucherCode: result.voucherCode,
        issuedAt: new Date().toISOString(),
        lastError: null,
      },
      { providerRef: result.providerRef },
    )
    return 'issued'
  }
  if (result.status === 'pending') {
    await move(payload, reward, 'issuing', { providerRef: result.providerRef })
    return 'pending'
  }
  await move(payload, reward, 'failed', { lastError: result.reason }, { reason: result.reason })
  if (result.retryable) throw new PayoutRetryable(result.reason)
  return 'failed'
}
