import type { Access, FieldAccess, Where } from 'payload'

import { asResident, asStaff, hasRole, isAdminUser, organizationIds, type StaffRole } from './roles'

/** Anyone, signed in or not. */
export const anyone: Access = () => true

/** Nobody through the API; only trusted server code with overrideAccess. */
export const nobody: Access = () => false

/** Platform admins. */
export const isAdmin: Access = ({ req: { user } }) => isAdminUser(user)

/** Field-level twin of `isAdmin`. */
export const isAdminField: FieldAccess = ({ req: { user } }) => isAdminUser(user)

/** Any signed-in staff member. */
export const isStaff: Access = ({ req: { user } }) => Boolean(asStaff(user))

/** Field-level: any staff member. */
export const isStaffField: FieldAccess = ({ req: { user } }) => Boolean(asStaff(user))

/** Any signed-in resident. */
export const isResident: Access = ({ req: { user } }) => Boolean(asResident(user))

/**
 * Staff with one of `roles`, limited to rows whose `field` points at one of their
 * organisations. Admins see everything.
 */
export const staffOfOrganization =
  (roles: readonly StaffRole[] = ['org-manager', 'reviewer'], field = 'organization'): Access =>
  ({ req: { user } }) => {
    if (isAdminUser(user)) return true
    if (!hasRole(user, roles)) return false
    return { [field]: { in: organizationIds(user) } }
  }

/** Residents, limited to rows whose `field` is themselves. */
export const ownedByResident =
  (field = 'resident'): Access =>
  ({ req: { user } }) => {
    const resident = asResident(user)
    return resident ? { [field]: { equals: resident.id } } : false
  }

/**
 * Grants access when any rule does; filters from several rules are OR-ed together,
 * so a caller sees the union of what each rule allows.
 */
export const anyOf =
  (...rules: Access[]): Access =>
  async (args) => {
    const filters: Where[] = []
    for (const rule of rules) {
      const result = await rule(args)
      if (result === true) return true
      if (result && typeof result === 'object') filters.push(result)
    }
    if (filters.length === 0) return false
    return filters.length === 1 ? filters[0] : { or: filters }
  }
