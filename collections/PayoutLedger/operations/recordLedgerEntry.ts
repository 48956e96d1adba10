import type { PayloadRequest } from 'payload'

import { query } from '../../../src/lib/sql'

import type { RewardRow } from '../../Rewards/operations/transition'

/**
 * Writes the ledger entry a transition implies, in its transaction: `payout` (+amount) when a
 * reward is issued, `reversal` (−amount) when it is reversed. The unique index on
 * (reward, entry) makes a second entry of either kind impossible.
 */
export const recordLedgerEntry = async (req: PayloadRequest, row: RewardRow) => {
  const entry = row.status === 'issued' ? 'payout' : row.status === 'reversed' ? 'reversal' : null
  if (!entry) return
  const amount = Number(row.amount)
  // One statement on the transition's connection: this runs for every payout, under load.
  await query(
    { payload: req.payload, req },
    `INSERT INTO payout_ledger
       (reward_id, entry, amount, currency, provider, provider_ref, organization_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      row.id,
      entry,
      entry === 'payout' ? amount : -amount,
      row.currency,
      row.provider ?? 'unknown',
      row.provider_ref,
      row.organization_id,
    ],
  )
}
