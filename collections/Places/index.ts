import type { CollectionConfig } from 'payload'

import { anyone, isAdmin } from '../../src/access/rules'
import { labelNewPlace } from './hooks/labelNewPlace'
import { capPageSize, searchByCode } from './hooks/searchByCode'

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

/** How the admin names each level. */
export const PLACE_LEVEL_LABELS: Record<PlaceLevel, string> = {
  region: 'Region',
  province: 'Province',
  city: 'City',
  municipality: 'Municipality',
  submunicipality: 'District',
  barangay: 'Barangay',
}

/** The PSGC tree: regions → provinces → cities/municipalities → barangays. Public reference data. */
export const Places: CollectionConfig = {
  slug: 'places',
  admin: {
    group: 'Reference',
    useAsTitle: 'label',
    defaultColumns: ['label', 'code', 'level', 'barangays'],
    listSearchableFields: ['label', 'code'],
    pagination: { defaultLimit: 25 },
    description: 'The Philippine Standard Geographic Code list. Search by name or PSGC code.',
  },
  hooks: { beforeOperation: [searchByCode, capPageSize], beforeChange: [labelNewPlace] },
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
      options: PLACE_LEVELS.map((level) => ({ label: PLACE_LEVEL_LABELS[level], value: level })),
    },
    { name: 'parent', type: 'relationship', relationTo: 'places', index: true },
    {
      name: 'label',
      type: 'text',
      index: true,
      admin: {
        readOnly: true,
        description: 'Name plus the places above it that tell namesakes apart',
      },
    },
    {
      name: 'lineage',
      type: 'text',
      index: true,
      admin: { readOnly: true, description: 'PSGC codes of this place and every place above it' },
    },
    {
      name: 'barangays',
      type: 'number',
      admin: { readOnly: true, description: 'How many barangays this place covers' },
    },
    {
      // The PSGC has no coordinates; admins may add a centre so scoring can measure distances.
      name: 'centre',
      type: 'group',
      admin: { description: 'Optional. Scoring skips distance checks for places without one.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'lat', type: 'number', min: -90, max: 90 },
            { name: 'lng', type: 'number', min: -180, max: 180 },
          ],
        },
      ],
    },
  ],
}
