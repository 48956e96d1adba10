import type { CollectionConfig } from 'payload'

/** Seconds an abandoned edit keeps others out: long enough for a save, short enough to leave. */
export const EDIT_LOCK_SECONDS = 60

/** Collections where locks only get in the way: the review operation settles races itself. */
const NO_LOCKS = new Set(['submissions', 'rewards', 'audit-log', 'sms-outbox', 'otp-challenges'])

/** Lists where staff filter every day, and so can save their filters. */
const SAVED_FILTERS = new Set([
  'tasks',
  'submissions',
  'rewards',
  'campaigns',
  'residents',
  'audit-log',
])

/**
 * Admin defaults for every collection, unless it sets its own: 25 rows a page; edit locks
 * that expire after a minute instead of Payload's five (none where a guarded operation
 * already decides who wins); saved filters on the busy lists.
 */
export const withAdminDefaults = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => ({
    ...collection,
    admin: {
      ...collection.admin,
      pagination: { defaultLimit: 25, limits: [25, 50, 100], ...collection.admin?.pagination },
    },
    lockDocuments:
      collection.lockDocuments ??
      (NO_LOCKS.has(collection.slug) ? false : { duration: EDIT_LOCK_SECONDS }),
    enableQueryPresets: collection.enableQueryPresets ?? SAVED_FILTERS.has(collection.slug),
  }))
