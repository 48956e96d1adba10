import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../src/access/rules'

/**
 * Every SMS we send, queued here and delivered by the `sms.send` job. With the `console`
 * provider this is where the message can be read. Admins only; purged after 24 hours.
 */
export const SmsOutbox: CollectionConfig = {
  slug: 'sms-outbox',
  labels: { singular: 'SMS', plural: 'SMS outbox' },
  admin: {
    group: 'Records',
    defaultColumns: ['to', 'status', 'provider', 'createdAt'],
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  fields: [
    { name: 'to', type: 'text', required: true },
    { name: 'body', type: 'textarea', required: true },
    { name: 'purpose', type: 'select', options: ['otp'].map((value) => ({ label: value, value })) },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: ['queued', 'sent', 'failed'].map((value) => ({ label: value, value })),
    },
    { name: 'provider', type: 'text' },
    { name: 'providerRef', type: 'text' },
    { name: 'sentAt', type: 'date' },
    { name: 'error', type: 'text' },
  ],
}
