import type { Field } from 'payload'

import { idOf } from '../lib/ids'
import { residentHandle } from '../lib/residentHandle'

/**
 * A read-only, computed field giving staff a stable pseudonym (`R-4K7P-2QX9`, the resident's `handle`) for the resident
 * named in `from`, so they can tell residents apart without a phone number or a name.
 */
export const residentHandleField = (from = 'resident', name = 'residentHandle'): Field => ({
  name,
  type: 'text',
  virtual: true,
  admin: { readOnly: true, description: 'A pseudonym: staff never see residents’ phone numbers.' },
  access: { create: () => false, update: () => false },
  hooks: {
    afterRead: [
      ({ siblingData, data, req }) => {
        const id = idOf((siblingData ?? data)?.[from])
        return id === undefined ? null : residentHandle(id, req.payload.secret)
      },
    ],
  },
})
