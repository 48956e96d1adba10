import type { CollectionConfig } from 'payload'

import { residentHandleField } from '../../src/fields/residentHandle'
import { rewardFields } from '../../src/fields/reward'
import { anyOf, nobody, ownedByResident, staffOfOrganization } from '../../src/access/rules'
import { payoutAccountField, residentOrAdminField } from './access'
import { retryRewardEndpoint } from './endpoints/retry'
import { CURRENCIES, REWARD_STATUSES } from './transitions'
import { REWARD_STATUS_LABELS, statusOptions } from '../../src/lib/statusLabels'

/**
 * What an approved submission earns. Created at approval with its amount, currency, provider
 * and destination account fixed; moved only by the payout state machine
 * (`operations/transition.ts`), so the API is read-only.
 */
export const Rewards: CollectionConfig = {
  slug: 'rewards',
  admin: {
    group: 'Civic work',
    defaultColumns: ['id', 'resident', 'task', 'amount', 'status', 'provider', 'issuedAt'],
  },
  access: {
    read: anyOf(ownedByResident('resident'), staffOfOrganization(['org-manager', 'reviewer'])),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  endpoints: [retryRewardEndpoint],
  fields: [
    {
      // A failed payout's reason and, for staff who may, the "Retry payout" button.
      name: 'payoutActions',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/admin/rewards/RetryPayout#RetryPayout' },
        disableListColumn: true,
      },
    },
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
    residentHandleField(),
    { name: 'task', type: 'relationship', relationTo: 'tasks', required: true, index: true },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', index: true },
    ...rewardFields(),
    {
      name: 'currency',
      type: 'select',
      // Not `required`, so callers may omit it: the default fills it and upMoney makes it NOT NULL.
      defaultValue: 'PHP',
      options: CURRENCIES.map((value) => ({ label: value, value })),
    },
    {
      name: 'account',
      type: 'text',
      access: { read: payoutAccountField },
      admin: { description: 'Where the payout goes (GCash number), fixed when reserved.' },
    },
    {
      name: 'accountName',
      type: 'text',
      access: { read: payoutAccountField },
      admin: { description: "The account holder's name sent to the provider." },
    },
    {
      name: 'voucherPool',
      type: 'relationship',
      relationTo: 'voucher-pools',
      admin: { description: 'For voucher rewards paid from a pool of codes.' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'reserved',
      index: true,
      options: statusOptions(REWARD_STATUS_LABELS, [...REWARD_STATUSES]),
    },
    { name: 'idempotencyKey', type: 'text', required: true, unique: true },
    {
      name: 'payoutKey',
      type: 'text',
      unique: true,
      admin: {
        description:
          "The provider's idempotency key and reference for the current payout; a new one only after a definite failure.",
      },
    },
    {
      name: 'provider',
      type: 'text',
      admin: { description: 'The payout provider, chosen when the reward was reserved.' },
    },
    { name: 'providerRef', type: 'text', index: true },
    { name: 'providerStatus', type: 'text' },
    { name: 'voucherCode', type: 'text', access: { read: residentOrAdminField } },
    {
      name: 'attempts',
      type: 'number',
      required: true,
      defaultValue: 0,
      admin: { description: 'The fence: every transition names the attempt it expects.' },
    },
    { name: 'lastError', type: 'text' },
    { name: 'issuedAt', type: 'date' },
    { name: 'reversedAt', type: 'date' },
    {
      name: 'alertedAt',
      type: 'date',
      admin: { description: 'When staff were alerted that automatic retries ran out.' },
    },
  ],
}
