import type { Access, CollectionConfig } from 'payload'

import { hasRole, isAdminUser, organizationIds } from '../../src/access/roles'
import { staffOfOrganization } from '../../src/access/rules'
import { manilaDate } from '../../src/fields/manilaDate'
import { inviteCampaignMembers, membersByConsent } from './hooks/membersByConsent'

/** Managers create campaigns that include at least one of their own organisations. */
const canCreateCampaign: Access = ({ req: { user }, data }) => {
  if (isAdminUser(user)) return true
  if (!hasRole(user, ['org-manager'])) return false
  // The admin asks before there is any data (to show the Create button); membersByConsent
  // then puts the manager's own organisation in when none is named.
  if (!data) return true
  const own = organizationIds(user)
  const listed = ((data?.organizations ?? []) as unknown[]).map((org) =>
    Number(typeof org === 'object' && org ? (org as { id: unknown }).id : org),
  )
  return !listed.length || listed.some((id) => own.includes(id))
}

/** Groups tasks that run together, possibly across organisations. */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  admin: {
    group: 'Civic work',
    useAsTitle: 'name',
    defaultColumns: ['name', 'organizations', 'startsAt', 'endsAt'],
  },
  hooks: { beforeChange: [membersByConsent], afterChange: [inviteCampaignMembers] },
  access: {
    read: staffOfOrganization(['org-manager', 'reviewer'], 'organizations'),
    create: canCreateCampaign,
    update: staffOfOrganization(['org-manager'], 'organizations'),
    delete: staffOfOrganization(['org-manager'], 'organizations'),
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'organizations',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      admin: {
        description:
          'Your organisations join at once; another organisation is invited and joins when a manager there accepts.',
      },
    },
    manilaDate('startsAt', 'Manila time'),
    manilaDate('endsAt', 'Manila time'),
  ],
}
