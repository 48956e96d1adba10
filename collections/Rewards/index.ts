import type { CollectionConfig } from 'payload'

import { rewardFields } from '../../src/fields/reward'
import { anyOf, nobody, ownedByResident, staffOfOrganization } from '../../src/access/rules'
import { REWARD_STATUSES } from './transitions'

/**
 * What an approved submission earns. Created and moved only by server code (approval and
 * the payout job), so the API is read-only.
 */
export const Rewards: CollectionConfig = {
  slug: 'rewards',
  admin: {
    group: 'Civic work',
    defaultColumns: ['id', 'resident', 'task', 'amount', 'status', 'issuedAt'],
  },
  access: {
    read: anyOf(ownedByResident('resident'), staffOfOrganization(['org-manager', 'reviewer'])),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    // unique: one reward per submission, enforced by the database.
    {
      name: 'submission',
      type: 'relationship',
      relationTo: 'submissions',
      required: true,
      unique: true,
    },
    {
      name: 'resident',
      type: 'relationship',
      relationTo: 'residents',
      required: true,
      index: true,
    },
    { name: 'task', type: 'relationship', relationTo: 'tasks', required: true, index: true },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', index: true },
    ...rewardFields(),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'reserved',
      index: true,
      options: REWARD_STATUSES.map((value) => ({ label: value, value })),
    },
    { name: 'idempotencyKey', type: 'text', required: true, unique: true },
    { name: 'provider', type: 'text' },
    { name: 'providerRef', type: 'text', index: true },
    { name: 'voucherCode', type: 'text' },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0 },
    { name: 'lastError', type: 'text' },
    { name: 'issuedAt', type: 'date' },
  ],
}
