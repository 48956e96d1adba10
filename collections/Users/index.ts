import type { CollectionConfig, Where } from 'payload'

import { STAFF_ROLES, asStaff, isAdminUser, organizationIds } from '../../src/access/roles'
import { isAdmin, isAdminField } from '../../src/access/rules'
import { closedAuthRoutes } from '../../src/hardening/closedAuthRoutes'
import { sessionCookies } from '../../src/hardening/cookies'

/** Staff: admins, organisation managers and reviewers. They sign in to the admin. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: { maxLoginAttempts: 10, lockTime: 10 * 60 * 1000, cookies: sessionCookies },
  endpoints: [...closedAuthRoutes],
  admin: {
    group: 'People',
    useAsTitle: 'email',
    defaultColumns: ['email', 'roles', 'organizations'],
  },
  access: {
    admin: ({ req: { user } }) => Boolean(asStaff(user)),
    // Admins see everyone; others see themselves and colleagues in their organisations.
    read: ({ req: { user } }) => {
      if (isAdminUser(user)) return true
      const staff = asStaff(user)
      if (!staff) return false
      const self: Where = { id: { equals: staff.id } }
      const colleagues: Where = { organizations: { in: organizationIds(user) } }
      return { or: [self, colleagues] }
    },
    create: isAdmin,
    update: ({ req: { user } }) => {
      if (isAdminUser(user)) return true
      const staff = asStaff(user)
      return staff ? { id: { equals: staff.id } } : false
    },
    delete: isAdmin,
    unlock: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['reviewer'],
      options: STAFF_ROLES.map((role) => ({ label: role, value: role })),
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'organizations',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField },
    },
  ],
}
