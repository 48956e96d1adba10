import type { CollectionAfterReadHook } from 'payload'

import { remainingCodes } from '../operations/assignVoucherCode'

/** Fills in how many codes remain and whether that is below the pool's low-water mark. */
export const poolStock: CollectionAfterReadHook = async ({ doc, req }) => {
  const remaining = await remainingCodes({ payload: req.payload, req }, doc.id)
  return { ...doc, remaining, low: remaining < (doc.lowWatermark ?? 0) }
}
