import type { CollectionAfterReadHook } from 'payload'

import { asResident } from '../../../src/access/roles'

/**
 * A resident's sign-in sessions are theirs alone: admins and staff get the profile without
 * them. (`sessions` is a field Payload's auth adds, so it gets no field-level access rule.)
 * Trusted server code (no user) keeps them: sign-in and sign-out rewrite the list.
 */
export const hideSessions: CollectionAfterReadHook = ({ doc, req }) => {
  if (!req.user || asResident(req.user)?.id === doc.id) return doc
  const { sessions: _hidden, ...rest } = doc
  return rest
}
