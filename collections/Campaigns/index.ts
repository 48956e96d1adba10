import type { Access, CollectionConfig } from 'payload'

import { hasRole, isAdminUser, organizationIds } from '../../src/access/roles'
import { staffOfOrganization } from '../../src/access/rules'

/** Managers create campaigns that include at least one of their own organisations. */
const canCreateCampaign: Access = ({ req: { user }, data }) => {
  if (isAdminUser(user)) return true
  if (!hasRole(user, ['org-manager'])) return false
  const own = organizationIds(user)
  const listed = ((data?.organizations ?? []) as unknown[]).map((org) =>
    Number(typeof org === 'object' && org ? (org as { id: unknown }).id : org),
  )
  return listed.some((id) => own.includes(id))
}

/** Groups tasks that run together, possibly across organisations. */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  admin: {
    group: 'Civic work',
    useAsTitle: 'name',
  },
  access: {
    read: staffOfOrganization(['org-manager', 'reviewer'], 'organizations'),
    create: canCreateCampaign,
    update: staffOfOrganization(['org-manager'], 'organizations'),
    delete: staffOfOrganization(['org-manager'], 'organizations'),
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'organizations', type: 'relationship', relationTo: 'organizations', hasMany: true },
    { name: 'startsAt', type: 'date' },
    { name: 'endsAt', type: 'date' },
  ],
}
