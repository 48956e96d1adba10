import type { CollectionBeforeChangeHook } from 'payload'

import { asStaff, hasRole, isAdminUser, organizationIds } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { idsOf } from '../../../src/lib/ids'
import type { User } from '../../../src/payload-types'

/**
 * Organisation managers run their own team: they add reviewers and managers to their own
 * organisations only, never make anyone an admin, and leave other organisations' memberships
 * of a shared colleague as they were. Admins (and Bayanet's own jobs) are not limited.
 */
export const guardTeam: CollectionBeforeChangeHook<User> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const actor = asStaff(req.user)
  if (!actor || isAdminUser(actor)) return data
  const editingSelf = operation === 'update' && originalDoc?.id === actor.id
  const roles = data.roles ?? originalDoc?.roles ?? []
  if (roles.includes('admin') && !originalDoc?.roles?.includes('admin')) {
    throw new HttpError('Only a Bayanet admin can make someone an admin.', 403)
  }
  if (editingSelf && !hasRole(actor, ['org-manager'])) return data
  if (!hasRole(actor, ['org-manager'])) {
    throw new HttpError('Only organisation managers can add or change staff.', 403)
  }

  const own = organizationIds(actor)
  const before = idsOf(originalDoc?.organizations)
  const asked = data.organizations === undefined ? before : idsOf(data.organizations)
  const foreignAdded = asked.filter((id) => !own.includes(id) && !before.includes(id))
  if (foreignAdded.length) {
    throw new HttpError('You can add people to your own organisations only.', 403)
  }
  // Memberships in organisations the manager does not run stay as they were.
  const kept = before.filter((id) => !own.includes(id))
  const organizations = [...new Set([...asked.filter((id) => own.includes(id)), ...kept])]
  if (operation === 'create' && !organizations.length) {
    if (own.length !== 1) throw new HttpError('Choose which of your organisations they join.', 400)
    organizations.push(own[0])
  }
  return { ...data, organizations }
}
