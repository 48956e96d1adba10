import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../src/access/rules'

/**
 * One voucher code of a pool. Codes are money: only admins read them here (a resident sees
 * their own code on their reward). Imported through the pool, assigned by
 * `operations/assignVoucherCode.ts`; the unique index on `reward` means never two rewards.
 */
export const VoucherCodes: CollectionConfig = {
  slug: 'voucher-codes',
  admin: { group: 'Payouts', defaultColumns: ['pool', 'code', 'reward', 'assignedAt'] },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'pool',
      type: 'relationship',
      relationTo: 'voucher-pools',
      required: true,
      index: true,
    },
    { name: 'code', type: 'text', required: true },
    { name: 'reward', type: 'relationship', relationTo: 'rewards', unique: true },
    { name: 'assignedAt', type: 'date' },
  ],
}
