import type { CollectionConfig } from 'payload'

import { anyOf, isAdmin, isResident, nobody, ownedByResident } from '../../src/access/rules'
import { mineEndpoint } from './endpoints/mine'
import { recordConsentEndpoint } from './endpoints/record'
import { auditConsent } from './hooks/auditConsent'
import { stampConsent } from './hooks/stampConsent'
import { CONSENT_PURPOSES } from './purposes'

/**
 * The consent ledger: one row per decision a resident makes, never changed or removed. The
 * current state of a purpose is its latest row. Besides `update`/`delete: nobody` (REST,
 * GraphQL and the admin all ask these), a database trigger refuses UPDATE and DELETE.
 */
export const Consents: CollectionConfig = {
  slug: 'consents',
  labels: { singular: 'Consent', plural: 'Consent ledger' },
  admin: {
    group: 'Records',
    defaultColumns: ['resident', 'purpose', 'granted', 'noticeVersion', 'createdAt'],
    description: 'Append-only: every consent given or withdrawn. Nobody can edit or delete it.',
  },
  access: {
    read: anyOf(isAdmin, ownedByResident('resident')),
    create: isResident,
    update: nobody,
    delete: nobody,
  },
  disableDuplicate: true,
  endpoints: [recordConsentEndpoint, mineEndpoint],
  hooks: { beforeChange: [stampConsent], afterChange: [auditConsent] },
  fields: [
    {
      name: 'resident',
      type: 'relationship',
      relationTo: 'residents',
      required: true,
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'purpose',
      type: 'select',
      required: true,
      options: CONSENT_PURPOSES.map((value) => ({ label: value, value })),
      admin: { readOnly: true },
    },
    { name: 'granted', type: 'checkbox', required: true, admin: { readOnly: true } },
    {
      name: 'noticeVersion',
      type: 'text',
      required: true,
      admin: { readOnly: true, description: 'The privacy notice version the resident saw.' },
    },
  ],
}
