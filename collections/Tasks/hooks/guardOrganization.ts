import type { CollectionBeforeChangeHook } from 'payload'

import { asStaff, isAdminUser, organizationIds } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { SPONSORSHIP_SYNC } from '../../Sponsorships/operations/invitations'

/** Staff can only file a task under an organisation they belong to. */
export const guardOrganization: CollectionBeforeChangeHook = ({ data, req }) => {
  const staff = asStaff(req.user)
  if (!staff || isAdminUser(staff) || data.organization == null) return data
  // An accepted invitation adds the sponsor to another organisation's task: not a new filing.
  if (req.context[SPONSORSHIP_SYNC]) return data
  const organization =
    typeof data.organization === 'object' ? data.organization.id : data.organization
  if (!organizationIds(staff).includes(Number(organization))) {
    throw new HttpError('You can only create tasks for your own organisation.', 403)
  }
  return data
}
