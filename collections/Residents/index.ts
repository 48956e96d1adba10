import type { Access, CollectionConfig } from 'payload'

import { asResident, isAdminUser } from '../../src/access/roles'
import { nobody } from '../../src/access/rules'
import { normalizePhMobile, PHONE_HINT } from '../../src/lib/phone'
import { closedAuthRoutes } from '../../src/hardening/closedAuthRoutes'
import { sessionCookies } from '../../src/hardening/cookies'
import { confirmPayoutAccountEndpoint, meEndpoint, payoutAccountEndpoint } from './endpoints/me'
import { noPasswordLoginEndpoints } from './endpoints/noPasswordLogin'
import { otpRequestEndpoint } from './endpoints/otpRequest'
import { otpVerifyEndpoint } from './endpoints/otpVerify'
import { assignHandle, handleField } from './fields/handle'
import { resetLimitsEndpoint } from './endpoints/resetLimits'
import { afterPayoutAccountChange, stageResidentPayoutAccount } from './hooks/payoutAccount'
import { stampBarangayChange } from './hooks/stampBarangayChange'
import { eraseEndpoint } from './endpoints/erase'
import { exportEndpoint } from './endpoints/export'
import { auditStaffCorrection } from './hooks/auditStaffCorrection'
import { hideSessions } from './hooks/hideSessions'
import { isErasedPhone } from '../../src/privacy/pseudonym'
import { selfOnlyField } from '../../src/access/privacy'
import { resolveHomeBarangay } from './hooks/resolveHomeBarangay'

const adminOrSelf = ({ req: { user } }: { req: { user: Parameters<typeof asResident>[0] } }) => {
  if (isAdminUser(user)) return true
  const resident = asResident(user)
  return resident ? { id: { equals: resident.id } } : false
}

/** Fields only server code may set: a resident who chose a password could skip the SMS code. */
const AUTH_FIELDS = [
  'password',
  'email',
  'username',
  'sessions',
  'hash',
  'salt',
  'loginAttempts',
  'lockUntil',
  'pendingGcashNumber',
]

const updateResident: Access = (args) => {
  const { data, req } = args
  if (asResident(req.user) && data && AUTH_FIELDS.some((field) => field in data)) return false
  return adminOrSelf(args)
}

/**
 * Residents sign in with their phone and an SMS code; there is no password they know.
 * Payload's local strategy stays on only so that its session cookie and JWT work.
 */
export const Residents: CollectionConfig = {
  slug: 'residents',
  auth: {
    loginWithUsername: { allowEmailLogin: true, requireEmail: false, requireUsername: false },
    tokenExpiration: 30 * 24 * 60 * 60,
    maxLoginAttempts: 5,
    cookies: sessionCookies,
  },
  admin: {
    group: 'People',
    useAsTitle: 'handle',
    defaultColumns: ['handle', 'homeBarangay', 'language', 'createdAt'],
    description:
      'Residents appear under a pseudonym. They sign in with an SMS code, never a password.',
  },
  access: {
    read: adminOrSelf,
    update: updateResident,
    // Residents come into being only by verifying a code (see operations/verifyOtp).
    create: nobody,
    // Erasure, not deletion (DELETE /api/residents/me): rewards and the consent ledger keep
    // their subject, under a pseudonym.
    delete: nobody,
  },
  endpoints: [
    otpRequestEndpoint,
    otpVerifyEndpoint,
    resetLimitsEndpoint,
    meEndpoint,
    payoutAccountEndpoint,
    confirmPayoutAccountEndpoint,
    exportEndpoint,
    eraseEndpoint,
    ...noPasswordLoginEndpoints,
    ...closedAuthRoutes,
  ],
  hooks: {
    beforeValidate: [resolveHomeBarangay],
    beforeChange: [stageResidentPayoutAccount, stampBarangayChange],
    afterRead: [hideSessions],
    afterChange: [afterPayoutAccountChange, assignHandle, auditStaffCorrection],
  },
  fields: [
    handleField,
    {
      name: 'hidePasswordControls',
      type: 'ui',
      admin: {
        components: { Field: '/admin/fields/HidePasswordControls#HidePasswordControls' },
        disableListColumn: true,
      },
    },
    {
      name: 'phone',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      // Only the resident reads their own number (admins included: minimisation by role).
      access: { read: selfOnlyField, update: () => false },
      // An erased resident's phone is a keyed hash (see src/privacy/pseudonym).
      validate: (value: unknown) =>
        isErasedPhone(value) || normalizePhMobile(value) === value ? true : PHONE_HINT,
    },
    { name: 'name', type: 'text', maxLength: 120 },
    {
      name: 'homeBarangay',
      type: 'relationship',
      relationTo: 'places',
      filterOptions: { level: { equals: 'barangay' } },
      admin: { description: 'Send the 10-digit PSGC code of the barangay, or its place id.' },
    },
    {
      // Set only by the stampBarangayChange hook, which overwrites anything a client sends.
      name: 'homeBarangayChangedAt',
      type: 'date',
      admin: {
        readOnly: true,
        description: 'When the home barangay last changed; scoring flags submissions soon after.',
      },
    },
    {
      name: 'language',
      type: 'select',
      defaultValue: 'fil',
      options: [
        { label: 'English', value: 'en' },
        { label: 'Filipino', value: 'fil' },
      ],
    },
    {
      name: 'gcashNumber',
      type: 'text',
      access: { read: selfOnlyField },
      admin: {
        description:
          "Where GCash rewards go; the login phone when empty. A resident's new number applies only once the code sent to it is confirmed.",
      },
      validate: (value: unknown) =>
        value == null || value === '' || normalizePhMobile(value) === value
          ? true
          : `GCash number: ${PHONE_HINT}`,
    },
    {
      name: 'pendingGcashNumber',
      type: 'text',
      admin: {
        readOnly: true,
        description: 'A new GCash number waiting for the code sent to it.',
      },
      access: { read: selfOnlyField, create: () => false, update: () => false },
    },
    {
      // Set by DELETE /api/residents/me; the row stays as a pseudonym for rewards and consents.
      name: 'erasedAt',
      type: 'date',
      index: true,
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
