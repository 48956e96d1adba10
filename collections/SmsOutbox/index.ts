import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField, nobody } from '../../src/access/rules'
import { revealForConsole } from './hooks/revealForConsole'

/** Why a message was sent. */
export const SMS_PURPOSES = ['otp', 'payout-account'] as const

/**
 * Every SMS we send, queued here and delivered by the `sms.send` job. The text waits only
 * sealed (encrypted with a key derived from the server secret) and `body` shows it with the
 * code masked. With a real provider the sealed text is wiped once delivered; with the `console`
 * provider (development) admins can read a message for SMS_OUTBOX_MINUTES, then not at all.
 */
export const SmsOutbox: CollectionConfig = {
  slug: 'sms-outbox',
  labels: { singular: 'SMS', plural: 'SMS outbox' },
  admin: {
    group: 'Records',
    defaultColumns: ['to', 'purpose', 'status', 'provider', 'createdAt'],
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  hooks: { afterRead: [revealForConsole] },
  fields: [
    { name: 'to', type: 'text', required: true, index: true },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      admin: { description: 'The code is masked; see the README on the console provider.' },
    },
    {
      name: 'sealedBody',
      type: 'text',
      // Not `hidden`: the afterRead hook needs it, then removes it from every answer.
      admin: { hidden: true },
      access: { read: isAdminField, create: () => false, update: () => false },
    },
    {
      name: 'language',
      type: 'select',
      options: ['en', 'fil'].map((v) => ({ label: v, value: v })),
    },
    {
      name: 'purpose',
      type: 'select',
      options: SMS_PURPOSES.map((value) => ({ label: value, value })),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: ['queued', 'sent', 'failed'].map((value) => ({ label: value, value })),
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'provider', type: 'text' },
    { name: 'providerRef', type: 'text' },
    { name: 'sentAt', type: 'date' },
    { name: 'error', type: 'text' },
  ],
}
