import type { CollectionBeforeChangeHook } from 'payload'

import { onBehalfOf } from '../../../src/access/onBehalfOf'
import { idOf } from '../../../src/lib/ids'
import type { Place } from '../../../src/payload-types'

/**
 * The PSGC loader stores labels for the whole list at once; a place an admin adds by hand gets
 * its name plus its parent's label, and its parent's lineage.
 */
export const labelNewPlace: CollectionBeforeChangeHook<Place> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || (data.label && data.lineage)) return data
  const parentId = idOf(data.parent)
  const parent = parentId
    ? await req.payload.findByID({
        collection: 'places',
        id: parentId,
        depth: 0,
        ...onBehalfOf(req),
      })
    : undefined
  return {
    ...data,
    label: data.label || (parent ? `${data.name}, ${parent.label ?? parent.name}` : data.name),
    lineage: data.lineage || [parent?.lineage, data.code].filter(Boolean).join(' '),
    barangays: data.barangays ?? (data.level === 'barangay' ? 1 : 0),
  }
}
