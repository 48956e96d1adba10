import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/access/rules'

/** What a code proves: the owner of a phone signing in, or of a new payout account. */
export const OTP_PURPOSES = ['sign-in', 'payout-account'] as const
export type OtpPurpose = (typeof OTP_PURPOSES)[number]

/**
 * One-time codes sent by SMS, stored only as a keyed HMAC bound to the phone, the purpose and
 * this request's nonce. Server code only: no API access at all.
 */
export const OtpChallenges: CollectionConfig = {
  slug: 'otp-challenges',
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'phone', type: 'text', required: true, index: true },
    {
      name: 'purpose',
      type: 'select',
      required: true,
      defaultValue: 'sign-in',
      options: OTP_PURPOSES.map((value) => ({ label: value, value })),
    },
    // For a payout-account change: whose account. A code never serves another resident.
    { name: 'resident', type: 'relationship', relationTo: 'residents', index: true },
    { name: 'nonce', type: 'text' },
    { name: 'codeHash', type: 'text', required: true },
    { name: 'expiresAt', type: 'date', required: true },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0 },
    { name: 'consumedAt', type: 'date' },
    { name: 'requestIp', type: 'text' },
  ],
}
