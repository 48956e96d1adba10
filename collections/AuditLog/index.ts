import type { CollectionConfig } from 'payload'

import { anyOf, isAdmin, nobody, staffOfOrganization } from '../../src/access/rules'
import { actorField, summaryField } from './fields/readable'

/** Who did something: a staff member, a resident, or Bayanet itself (jobs). */
export const ACTOR_TYPES = ['staff', 'resident', 'system'] as const

/**
 * Append-only record of every state change, hash-chained (see `src/lib/audit.ts`). Written only
 * by server code; `npm run audit:verify` finds any row edited or removed in the database.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: {
    group: 'Records',
    useAsTitle: 'action',
    defaultColumns: ['seq', 'createdAt', 'actor', 'summary', 'organization'],
  },
  access: {
    read: anyOf(isAdmin, staffOfOrganization(['org-manager'])),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    summaryField,
    actorField,
    { name: 'action', type: 'text', required: true, index: true },
    { name: 'entity', type: 'text', required: true },
    { name: 'entityId', type: 'text', required: true, index: true },
    {
      name: 'actorType',
      type: 'select',
      required: true,
      options: ACTOR_TYPES.map((value) => ({ label: value, value })),
    },
    { name: 'actorId', type: 'text' },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', index: true },
    // Read-only rendering: Payload's JSON editor loads from a CDN closed networks cannot reach.
    {
      name: 'data',
      type: 'json',
      admin: { components: { Field: '/admin/JsonView#JsonViewField' } },
    },
    // Nullable in the schema only so the migration can chain rows written before the chain.
    {
      name: 'seq',
      type: 'number',
      unique: true,
      admin: { readOnly: true, description: 'Position in the chain, from 1.' },
    },
    {
      name: 'prevHash',
      type: 'text',
      admin: { readOnly: true, description: 'The hash of entry seq − 1.' },
    },
    {
      name: 'hash',
      type: 'text',
      admin: {
        readOnly: true,
        description: 'HMAC-SHA256 of this entry with prevHash; `npm run audit:verify` checks it.',
      },
    },
  ],
}
