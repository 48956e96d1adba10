import type { CollectionAfterChangeHook, Field } from 'payload'

import { residentHandle } from '../../../src/lib/residentHandle'

/**
 * How staff see a resident: a pseudonymous handle ("R-4K7P-2QX9"), a keyed hash of the id,
 * the same one the review workspace shows. Stored so lists and pickers can use it as the title.
 */
export const handleField: Field = {
  name: 'handle',
  type: 'text',
  index: true,
  access: { create: () => false, update: () => false },
  admin: { readOnly: true, description: 'A pseudonym for staff; it does not reveal who this is.' },
}

/** Gives a new resident their handle once the id exists. */
export const assignHandle: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || doc.handle) return doc
  const handle = residentHandle(doc.id, req.payload.secret)
  await req.payload.db.updateOne({ collection: 'residents', id: doc.id, data: { handle }, req })
  return { ...doc, handle }
}
