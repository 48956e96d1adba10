import type { Access, FieldAccess, Where } from 'payload'

import { asStaff, hasRole, isAdminUser, organizationIds } from '../../../src/access/roles'

/** Admins and organisation managers may add staff; guardTeam keeps managers to their own. */
export const canAddStaff: Access = ({ req: { user } }) =>
  isAdminUser(user) || hasRole(user, ['org-manager'])

/**
 * Everyone edits themselves; managers also edit colleagues in their organisations who are
 * not admins; admins edit anyone.
 */
export const canEditStaff: Access = ({ req: { user } }) => {
  if (isAdminUser(user)) return true
  const staff = asStaff(user)
  if (!staff) return false
  const self: Where = { id: { equals: staff.id } }
  if (!hasRole(user, ['org-manager'])) return self
  const team: Where = {
    and: [{ organizations: { in: organizationIds(user) } }, { roles: { not_in: ['admin'] } }],
  }
  return { or: [self, team] }
}

/** Roles and memberships: admins and managers (guardTeam limits what managers may set). */
export const teamField: FieldAccess = ({ req: { user } }) =>
  isAdminUser(user) || hasRole(user, ['org-manager'])
