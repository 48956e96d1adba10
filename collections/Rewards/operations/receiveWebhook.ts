import type { Payload } from 'payload'

import type { PayoutWebhook } from '../../../providers/payouts/types'
import { query } from '../../../src/lib/sql'
import { applyPayoutState } from './applyPayoutState'
import { selectRewards } from './transition'

/** What a webhook did: `applied` when the reward moved, `unchanged` for replays and stale news. */
export type WebhookOutcome =
  | { result: 'applied' | 'unchanged'; rewardId: number; status: string }
  | { result: 'unknown-reference' }
  | { result: 'mismatch'; rewardId: number; reason: string }

/**
 * Applies an authenticated provider webhook to the reward it names. Replays and reordering are
 * harmless: states only move forward (see `applyPayoutState`). A webhook whose payout id, amount
 * or currency disagrees with the reward is refused as a mismatch, whatever its token.
 */
export const receivePayoutWebhook = async (
  payload: Payload,
  provider: string,
  hook: PayoutWebhook,
): Promise<WebhookOutcome> => {
  for (let round = 0; round < 5; round++) {
    const [row] = await selectRewards(
      { payload },
      'SELECT * FROM rewards WHERE provider = $1 AND COALESCE(payout_key, idempotency_key) = $2',
      [provider, hook.reference],
    )
    if (!row) return { result: 'unknown-reference' }
    const mismatch =
      row.provider_ref && row.provider_ref !== hook.providerRef
        ? 'payout id'
        : hook.amount !== undefined && Number(row.amount) !== hook.amount
          ? 'amount'
          : hook.currency !== undefined && row.currency !== hook.currency
            ? 'currency'
            : null
    if (mismatch) return { result: 'mismatch', rewardId: row.id, reason: mismatch }
    const after = await applyPayoutState(payload, row, hook.state, { source: 'webhook' })
    // Lost to a concurrent writer: read again and re-apply (it is idempotent).
    if (!after) continue
    return {
      result:
        after.status === row.status && after.attempts === row.attempts ? 'unchanged' : 'applied',
      rewardId: row.id,
      status: after.status,
    }
  }
  throw new Error(`webhook for ${hook.reference} kept losing to concurrent writes`)
}
