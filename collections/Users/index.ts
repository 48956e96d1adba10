import type { CollectionConfig, Where } from 'payload'

import { STAFF_ROLES, asStaff, isAdminUser, organizationIds } from '../../src/access/roles'
import { isAdmin } from '../../src/access/rules'
import { closedAuthRoutes } from '../../src/hardening/closedAuthRoutes'
import { sessionCookies } from '../../src/hardening/cookies'
import { canAddStaff, canEditStaff, teamField } from './access/rules'
import { resetHtml, resetSubject } from './emails'
import { addStaffEndpoint, inviteEndpoint } from './endpoints/invite'
import { auditRoles } from './hooks/auditRoles'
import { guardTeam } from './hooks/guardTeam'

/** How the admin names each role. */
export const STAFF_ROLE_LABELS = {
  admin: 'Bayanet admin',
  'org-manager': 'Campaign manager',
  reviewer: 'Reviewer',
} as const
import { staffLoginEndpoint } from './endpoints/login'
import { enforcePasswordPolicy } from './hooks/passwordPolicy'

/** Staff: admins, organisation managers and reviewers. They sign in to the admin. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    cookies: sessionCookies,
    forgotPassword: { generateEmailSubject: resetSubject, generateEmailHTML: resetHtml },
  },
  labels: { singular: 'Staff member', plural: 'Staff' },
  admin: {
    group: 'People',
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'roles', 'organizations'],
    description:
      'People who sign in to this admin. Managers add reviewers and managers to their own organisations.',
    components: { beforeListTable: ['/admin/team/InviteStaff#InviteStaff'] },
  },
  endpoints: [staffLoginEndpoint, addStaffEndpoint, inviteEndpoint, ...closedAuthRoutes],
  hooks: {
    beforeChange: [guardTeam],
    beforeOperation: [enforcePasswordPolicy],
    afterChange: [auditRoles],
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
    create: canAddStaff,
    update: canEditStaff,
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
      options: STAFF_ROLES.map((role) => ({ label: STAFF_ROLE_LABELS[role], value: role })),
      saveToJWT: true,
      access: { create: teamField, update: teamField },
    },
    {
      name: 'organizations',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      saveToJWT: true,
      access: { create: teamField, update: teamField },
    },
    {
      name: 'invite',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/admin/team/InviteButton#InviteButton' },
        disableListColumn: true,
      },
    },
  ],
}
