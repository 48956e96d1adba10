import type { FieldAccess } from 'payload'

import { idOf } from '../lib/ids'
import { asResident } from './roles'

/** Field-level: only the resident the document is (their own profile). */
export const selfOnlyField: FieldAccess = ({ req: { user }, doc }) => {
  const resident = asResident(user)
  return Boolean(resident && doc && idOf(doc.id) === resident.id)
}
