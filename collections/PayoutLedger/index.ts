import type { CollectionConfig } from 'payload'

import { nobody, staffOfOrganization } from '../../src/access/rules'
import { CURRENCIES } from '../Rewards/transitions'

/** Kinds of ledger entry: money out to a resident, and money back (a provider's reversal). */
export const LEDGER_ENTRIES = ['payout', 'reversal'] as const

/**
 * The money ledger: one `payout` entry when a reward is issued and one `reversal` entry when
 * it is reversed, written in the same transaction as the transition. Entries are never edited;
 * a unique index on (reward, entry) makes each one exactly once.
 */
export const PayoutLedger: CollectionConfig = {
  slug: 'payout-ledger',
  admin: {
    group: 'Civic work',
    defaultColumns: ['createdAt', 'reward', 'entry', 'amount', 'currency', 'provider'],
  },
  access: {
    read: staffOfOrganization(['org-manager']),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    { name: 'reward', type: 'relationship', relationTo: 'rewards', required: true, index: true },
    { name: 'entry', type: 'select', required: true, options: [...LEDGER_ENTRIES] },
    {
      name: 'amount',
      type: 'number',
      required: true,
      admin: { description: 'Signed: positive paid out, negative reversed.' },
    },
    { name: 'currency', type: 'select', required: true, options: [...CURRENCIES] },
    { name: 'provider', type: 'text', required: true },
    { name: 'providerRef', type: 'text' },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', index: true },
  ],
}
