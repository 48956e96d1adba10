import type { CollectionConfig, Field } from 'payload'

import { isAdmin, nobody } from '../../src/access/rules'
import { isAdminUser } from '../../src/access/roles'
import { BANDS } from '../../src/lib/scoring/bands'

const band = (i: number): Field => ({
  name: `band${i}`,
  type: 'number',
  required: true,
  index: true,
  admin: { readOnly: true },
})

/**
 * The perceptual hash of every submitted proof photo, cut into indexed bands so the duplicate
 * rule finds near-identical photos among millions without a scan (see `src/lib/scoring/bands.ts`).
 * Written only by the scoring job; no personal data beyond the ids.
 */
export const PhotoHashes: CollectionConfig = {
  slug: 'photo-hashes',
  admin: {
    group: 'Records',
    hidden: ({ user }) => !isAdminUser(user as Parameters<typeof isAdminUser>[0]),
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'submission',
      type: 'relationship',
      relationTo: 'submissions',
      required: true,
      unique: true,
    },
    { name: 'resident', type: 'relationship', relationTo: 'residents', required: true },
    { name: 'hash', type: 'text', required: true, admin: { description: '64-bit pHash, hex' } },
    ...Array.from({ length: BANDS }, (_, i) => band(i)),
  ],
}
