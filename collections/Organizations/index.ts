import type { CollectionConfig } from 'payload'

import { anyOf, isAdmin, isResident, isStaff } from '../../src/access/rules'

/** LGUs and brands that author tasks; `scope` is the geography they may target. */
export const Organizations: CollectionConfig = {
  slug: 'organizations',
  admin: {
    group: 'People',
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'updatedAt'],
  },
  access: {
    // Residents see who runs a task; staff see every organisation's name, to invite it to
    // co-sponsor (what an organisation does stays behind its own access rules).
    read: anyOf(isResident, isStaff),
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { label: 'Local government unit', value: 'lgu' },
        { label: 'Brand', value: 'brand' },
      ],
    },
    {
      name: 'scope',
      type: 'relationship',
      relationTo: 'places',
      hasMany: true,
      admin: { description: 'Where this organisation may run tasks. Empty means nationwide.' },
    },
  ],
}
