import type { CollectionBeforeChangeHook, PayloadHandler, SanitizedConfig, Where } from 'payload'

import { asStaff } from '../access/roles'
import { isStaff, nobody } from '../access/rules'
import { boundQueries } from './queryBounds'

/** Payload's collections that only Payload itself uses. */
export const INTERNAL_ONLY = new Set(['payload-migrations', 'payload-kv', 'payload-jobs'])

/** How long an edit lock holds without the editor's heartbeat (seconds). */
export const LOCK_DURATION_SECONDS = 120

/** Staff, and only their own rows: `user` is a polymorphic relationship to the auth collections. */
const ownStaffRows = ({ req: { user } }: { req: { user: unknown } }): boolean | Where => {
  const staff = asStaff(user as Parameters<typeof asStaff>[0])
  if (!staff) return false
  return {
    and: [{ 'user.value': { equals: staff.id } }, { 'user.relationTo': { equals: 'users' } }],
  }
}

/**
 * A lock always belongs to whoever takes it, and dates are the server's: a client cannot lock a
 * document in someone else's name or far into the future by sending `user` or `updatedAt`.
 */
const lockOwnedByCaller: CollectionBeforeChangeHook = ({ data, req }) => {
  if (req.payloadAPI === 'local' && !req.user) return data
  const staff = asStaff(req.user)
  const now = new Date().toISOString()
  return {
    ...data,
    ...(staff ? { user: { relationTo: 'users', value: staff.id } } : {}),
    updatedAt: now,
    createdAt: data.createdAt && req.payloadAPI === 'local' ? data.createdAt : now,
  }
}

/** Payload's own preference endpoints (`/:key`) check only that someone is signed in. */
const staffOnly =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    if (!asStaff(req.user)) {
      return Response.json({ errors: [{ message: 'Preferences are for staff.' }] }, { status: 403 })
    }
    try {
      return await handler(req)
    } catch {
      // Payload's handlers throw a bare error for a preference that does not exist.
      return Response.json({ errors: [{ message: 'No such preference.' }] }, { status: 404 })
    }
  }

/**
 * Payload adds `payload-locked-documents` and `payload-preferences` with access for any signed-in
 * user, residents included (STACK-NOTES 15). Residents have no business there: staff only, each
 * their own rows, and edit locks that expire after LOCK_DURATION_SECONDS.
 */
export const lockDownInternals = (config: SanitizedConfig): SanitizedConfig => {
  for (const collection of config.collections) {
    // Every collection, Payload's own included: bounded limit, depth, page and where.
    collection.hooks.beforeOperation = [boundQueries, ...(collection.hooks.beforeOperation ?? [])]
    if (collection.slug === 'payload-locked-documents') {
      // Reading locks shows staff who is editing what; only staff may see or take them.
      collection.access = {
        ...collection.access,
        read: isStaff,
        create: isStaff,
        update: ownStaffRows,
        delete: ownStaffRows,
      }
      collection.hooks.beforeChange = [lockOwnedByCaller, ...(collection.hooks.beforeChange ?? [])]
    } else if (collection.slug === 'payload-preferences') {
      collection.access = {
        ...collection.access,
        read: ownStaffRows,
        create: isStaff,
        update: ownStaffRows,
        delete: ownStaffRows,
      }
      if (Array.isArray(collection.endpoints)) {
        collection.endpoints = collection.endpoints.map((endpoint) => ({
          ...endpoint,
          handler: staffOnly(endpoint.handler),
        }))
      }
    } else if (INTERNAL_ONLY.has(collection.slug)) {
      // Payload's own bookkeeping: nobody reaches it through the API.
      collection.access = {
        ...collection.access,
        read: nobody,
        create: nobody,
        update: nobody,
        delete: nobody,
      }
      collection.endpoints = []
    } else if (collection.lockDocuments !== false) {
      collection.lockDocuments = { duration: LOCK_DURATION_SECONDS }
    }
  }
  return config
}
