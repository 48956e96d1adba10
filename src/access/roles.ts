import type { PayloadRequest } from 'payload'

/** Staff roles, from most to least powerful. */
export const STAFF_ROLES = ['admin', 'org-manager', 'reviewer'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

type AnyUser = PayloadRequest['user']

/** The authenticated staff member, or undefined for residents and anonymous requests. */
export const asStaff = (user: AnyUser) =>
  user && user.collection === 'users'
    ? (user as Extract<AnyUser, { collection: 'users' }>)
    : undefined

/** The authenticated resident, or undefined. */
export const asResident = (user: AnyUser) =>
  user && user.collection === 'residents'
    ? (user as Extract<AnyUser, { collection: 'residents' }>)
    : undefined

/** True when the user is staff holding any of `roles`. */
export const hasRole = (user: AnyUser, roles: readonly StaffRole[]) => {
  const staff = asStaff(user)
  return Boolean(staff?.roles?.some((role) => roles.includes(role)))
}

/** True for platform admins, who see every organisation. */
export const isAdminUser = (user: AnyUser) => hasRole(user, ['admin'])

/** Ids of the organisations a staff member belongs to (populated or not). */
export const organizationIds = (user: AnyUser): number[] =>
  (asStaff(user)?.organizations ?? []).map((org) => (typeof org === 'object' ? org.id : org))
