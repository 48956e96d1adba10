import type { Field } from 'payload'

import { isAdminField, isStaffField } from '../../../src/access/rules'

/** Where a score sent a submission; `failed` when scoring could not finish (a person decides). */
export const SCORE_ROUTES = ['auto_approve', 'review', 'auto_reject', 'failed'] as const

/**
 * The signals scoring reads from a submission (set by the server on create, whatever a client
 * sends) and where its score sent it.
 */
export const submissionScoringFields: Field[] = [
  {
    name: 'deviceId',
    type: 'text',
    maxLength: 100,
    index: true,
    access: { read: isStaffField, update: () => false },
    admin: { readOnly: true, description: 'The id the app keeps on the device.' },
  },
  {
    // A keyed hash, not the address: enough to see many residents on one IP, nothing more.
    name: 'ipHash',
    type: 'text',
    index: true,
    access: { read: isAdminField, update: () => false },
    admin: { readOnly: true, hidden: true },
  },
  {
    name: 'scoreRoute',
    type: 'select',
    index: true,
    options: SCORE_ROUTES.map((value) => ({ label: value.replace('_', '-'), value })),
    access: { read: isStaffField, create: () => false, update: () => false },
    admin: { readOnly: true, description: 'Where the fraud score sent this submission.' },
  },
]
