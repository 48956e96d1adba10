import type { Payload } from 'payload'

import type { PayoutProviders } from '../../../providers/payouts'
import { POOL_EMPTY } from '../../../providers/payouts/voucherPool'
import { PayoutUnknown, type PayoutRequest } from '../../../providers/payouts/types'
import { isGivenUp, SETTLED_STATUSES } from '../transitions'
import { applyPayoutState } from './applyPayoutState'
import { fenceOf, readReward, transitionReward, type RewardRow } from './transition'

/** The reward is not visible yet (its approval has not committed) or no longer exists. */
export class RewardNotFound extends Error {
  override name = 'RewardNotFound'
  readonly retryable = true
}

/** Worth trying again later: the job's backoff retries only errors marked like this. */
export class PayoutRetryable extends Error {
  override name = 'PayoutRetryable'
  readonly retryable = true
}

/** True for errors the `reward.issue` job should retry. */
export const isRetryable = (err: unknown) =>
  Boolean(err && typeof err === 'object' && (err as { retryable?: unknown }).retryable === true)

/**
 * What `issueReward` did. `superseded`: another worker's newer attempt owns the reward;
 * `given-up`: its retries ran out and its budget was released, so only a staff retry sends it.
 */
export type IssueOutcome =
  'issued' | 'pending' | 'failed' | 'already-settled' | 'superseded' | 'given-up'

/** The payout key (and provider reference) of the reward's current payout. */
export const payoutKeyOf = (row: RewardRow) => row.payout_key ?? row.idempotency_key

/**
 * What a claim of a failed reward sets: after a definite failure the old payout is dead, so the
 * new one gets a fresh key (`…-r<attempt>`), and the dead payout's provider id is forgotten, or
 * lookups would keep reading its FAILED.
 */
export const freshPayout = (row: Pick<RewardRow, 'idempotency_key' | 'attempts'>) => ({
  payoutKey: `${row.idempotency_key}-r${row.attempts + 1}`,
  providerRef: null,
  providerStatus: null,
})

/** The request a provider sees, built only from what the reward fixed when it was reserved. */
export const payoutRequestOf = (row: RewardRow): PayoutRequest => ({
  rewardId: row.id,
  idempotencyKey: payoutKeyOf(row),
  reference: payoutKeyOf(row),
  kind: row.kind,
  amount: Number(row.amount),
  currency: row.currency as 'PHP',
  account: row.account ?? '',
  accountName: row.account_name || 'Bayanet resident',
  description: `Bayanet reward ${row.id}`,
  voucherPool: row.voucher_pool_id ?? undefined,
})

const outcomeOf = (row: RewardRow | undefined): IssueOutcome => {
  if (!row) return 'superseded'
  if (row.status === 'issued' || row.status === 'reversed') return 'issued'
  if (row.status === 'failed') return 'failed'
  return 'pending'
}

/**
 * Pays one reward. Safe to run any number of times, concurrently too:
 * - a reward left `issuing` by an earlier attempt is looked up at the provider first, and only
 *   sent again if the provider never got it;
 * - each attempt claims the reward with a fenced `→ issuing` that bumps the attempt, so a
 *   slower worker's late result is refused (and counted) instead of overwriting a newer one;
 * - every attempt of one payout carries the same idempotency key. After a definite failure a
 *   retry takes a fresh key (`…-r<attempt>`): the failed payout can never pay.
 * Throws errors marked retryable (provider unreachable, ambiguous answer) for the job's backoff.
 */
export const issueReward = async (
  payload: Payload,
  rewardId: number,
  providers: PayoutProviders,
  { touch }: { touch?: () => Promise<void> } = {},
): Promise<IssueOutcome> => {
  const row = await readReward({ payload }, rewardId)
  if (!row) throw new RewardNotFound(`reward ${rewardId} not found`)
  if (SETTLED_STATUSES.includes(row.status)) return 'already-settled'
  if (isGivenUp(row)) return 'given-up'
  const provider = providers.get(row.provider ?? '')
  if (!provider) {
    throw new PayoutRetryable(`payout provider "${row.provider}" is not configured in this process`)
  }

  try {
    if (row.status === 'issuing' && provider.capabilities.lookup) {
      const seen = await provider.lookup({
        reference: payoutKeyOf(row),
        rewardId: row.id,
        providerRef: row.provider_ref,
      })
      if (seen.status !== 'not-found') {
        return outcomeOf(await applyPayoutState(payload, row, seen, { source: 'lookup' }))
      }
    }
    const claimed = await transitionReward(payload, fenceOf(row), 'issuing', {
      bump: true,
      // The fence also holds the give-up: a reward given up after we read it is not claimed.
      set: { lastError: null, ...(row.status === 'failed' ? freshPayout(row) : {}) },
      audit: { provider: provider.name },
    })
    if (!claimed) return 'superseded'
    await touch?.()
    const state = await provider.issue(payoutRequestOf(claimed), { touch })
    const after = await applyPayoutState(payload, claimed, state, { source: 'issue' })
    if (state.status === 'failed' && after?.status === 'failed' && state.retryable) {
      throw new PayoutRetryable(state.reason)
    }
    return outcomeOf(after)
  } catch (err) {
    // Unknown outcome: the reward stays `issuing`; the retry looks it up before sending.
    if (err instanceof PayoutUnknown) throw new PayoutRetryable(err.message)
    throw err
  }
}

/** True when a failed reward is only waiting for codes (staff refill the pool). */
export const waitsForCodes = (row: Pick<RewardRow, 'status' | 'last_error'>) =>
  row.status === 'failed' && row.last_error === POOL_EMPTY
