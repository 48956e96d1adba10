import type { CollectionConfig } from 'payload'

import { anyone, isAdmin } from '../../src/access/rules'

/** Levels of the Philippine Standard Geographic Code, from widest to narrowest. */
export const PLACE_LEVELS = [
  'region',
  'province',
  'city',
  'municipality',
  'submunicipality',
  'barangay',
] as const
export type PlaceLevel = (typeof PLACE_LEVELS)[number]

/** The PSGC tree: regions → provinces → cities/municipalities → barangays. Public reference data. */
export const Places: CollectionConfig = {
  slug: 'places',
  admin: {
    group: 'Reference',
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'level', 'parent'],
    listSearchableFields: ['name', 'code'],
  },
  access: { read: anyone, create: isAdmin, update: isAdmin, delete: isAdmin },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (value: unknown) =>
        typeof value === 'string' && /^\d{10}$/.test(value) ? true : 'A PSGC code has 10 digits',
    },
    { name: 'name', type: 'text', required: true, index: true },
    {
      name: 'level',
      type: 'select',
      required: true,
      index: true,
      options: PLACE_LEVELS.map((level) => ({ label: level, value: level })),
    },
    { name: 'parent', type: 'relationship', relationTo: 'places', index: true },
  ],
}
