import type { Resident } from '../../../src/payload-types'

/** The fields of a resident that the resident app sees; nothing about how they authenticate. */
export const PUBLIC_RESIDENT_FIELDS = [
  'id',
  'phone',
  'name',
  'homeBarangay',
  'language',
  'gcashNumber',
  'pendingGcashNumber',
  'createdAt',
  'updatedAt',
] as const

/** A resident as sign-in and `/me` answer it: an allow-list, so new hidden fields never leak. */
export const publicResident = (resident: Partial<Resident>) => {
  const out: Partial<Resident> = {}
  for (const field of PUBLIC_RESIDENT_FIELDS) {
    if (field in resident) (out as Record<string, unknown>)[field] = resident[field]
  }
  return out
}
