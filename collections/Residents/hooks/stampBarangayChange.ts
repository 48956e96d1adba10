import type { CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../../../src/lib/ids'

/**
 * Records when a resident's home barangay last changed (not its first setting at sign-up), so
 * scoring can tell a barangay changed just before a submission — to qualify for a local task.
 * Whatever a client sends for the field is replaced.
 */
export const stampBarangayChange: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
}) => {
  const before = idOf(originalDoc?.homeBarangay)
  const after = 'homeBarangay' in data ? idOf(data.homeBarangay) : before
  data.homeBarangayChangedAt =
    operation === 'update' && before !== undefined && before !== after
      ? new Date().toISOString()
      : (originalDoc?.homeBarangayChangedAt ?? null)
  return data
}
