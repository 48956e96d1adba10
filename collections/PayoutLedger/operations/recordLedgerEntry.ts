import type { PayloadRequest } from 'payload'

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
  await req.payload.create({
    collection: 'payout-ledger',
    data: {
      reward: row.id,
      entry,
      amount: entry === 'payout' ? amount : -amount,
      currency: row.currency as 'PHP',
      provider: row.provider ?? 'unknown',
      providerRef: row.provider_ref ?? undefined,
      organization: row.organization_id ?? undefined,
    },
    overrideAccess: true,
    req,
  })
}
