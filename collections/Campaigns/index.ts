import type { CollectionConfig } from 'payload'

import { hasRole, isAdminUser, organizationIds } from '../../src/access/roles'
import { staffOfOrganization } from '../../src/access/rules'

/** Groups tasks that run together, possibly across organisations. */
export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  admin: {
    group: 'Civic work',
    useAsTitle: 'name',
  },
  access: {
    read: staffOfOrganization(['org-manager', 'reviewer'], 'organizations'),
    create: ({ req: { user } }) => isAdminUser(user) || hasRole(user, ['org-manager']),
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
