import type { CollectionConfig } from 'payload'

import { anyOf, isAdmin, nobody, staffOfOrganization } from '../../src/access/rules'

/** Who did something: a staff member, a resident, or Bayanet itself (jobs). */
export const ACTOR_TYPES = ['staff', 'resident', 'system'] as const

/** Append-only record of every state change. Written only by server code. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  admin: {
    group: 'Records',
    useAsTitle: 'action',
    defaultColumns: ['action', 'entity', 'entityId', 'actorType', 'createdAt'],
  },
  access: {
    read: anyOf(isAdmin, staffOfOrganization(['org-manager'])),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
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
  ],
}
