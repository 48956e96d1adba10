import type { CollectionBeforeValidateHook } from 'payload'

import { onBehalfOf } from '../../../src/access/onBehalfOf'
import { idOf } from '../../../src/lib/ids'
import { normalizePhMobile } from '../../../src/lib/phone'
import { HttpError } from '../../../src/lib/errors'

/**
 * Residents and the client name their barangay by PSGC code; store the place id, and
 * accept GCash numbers typed the way people type them.
 */
export const resolveHomeBarangay: CollectionBeforeValidateHook = async ({ data, req }) => {
  if (!data) return data
  if (typeof data.gcashNumber === 'string' && data.gcashNumber !== '') {
    data.gcashNumber = normalizePhMobile(data.gcashNumber) ?? data.gcashNumber
  }
  const value = data.homeBarangay
  if (value == null || value === '') return data
  const byCode = typeof value === 'string' && /^\d{10}$/.test(value)
  const id = byCode ? undefined : idOf(value)
  if (!byCode && (id === undefined || !Number.isInteger(id) || id <= 0)) {
    throw new HttpError('"homeBarangay" must be the 10-digit PSGC code of a barangay.', 400)
  }
  const { docs } = await req.payload.find({
    collection: 'places',
    where: byCode ? { code: { equals: value } } : { id: { equals: id } },
    limit: 1,
    depth: 0,
    ...onBehalfOf(req),
  })
  const place = docs[0]
  if (!place) {
    throw new HttpError(`No place has the PSGC code or id "${String(value)}".`, 400)
  }
  if (place.level !== 'barangay') {
    throw new HttpError(`${place.name} is a ${place.level}; choose a barangay as your home.`, 400)
  }
  data.homeBarangay = place.id
  return data
}
