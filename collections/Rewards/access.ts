import type { FieldAccess } from 'payload'

import { asResident, hasRole, isAdminUser } from '../../src/access/roles'

/**
 * The reward's own resident and admins. Voucher codes are money: reviewers and organisation
 * staff never see them (collection read already limits residents to their own rewards).
 */
export const residentOrAdminField: FieldAccess = ({ req: { user } }) =>
  Boolean(asResident(user)) || isAdminUser(user)

/** The payout account (a mobile number): the resident, managers and admins; not reviewers. */
export const payoutAccountField: FieldAccess = ({ req: { user } }) =>
  Boolean(asResident(user)) || hasRole(user, ['admin', 'org-manager'])
