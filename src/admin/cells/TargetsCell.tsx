import type { Payload } from 'payload'
import React from 'react'

import { idsOf } from '../../lib/ids'

/** The places a task reaches, by their short names, or "Nationwide". */
export const TargetsCell = async ({
  rowData,
  payload,
}: {
  rowData: Record<string, any>
  payload: Payload
}) => {
  const ids = idsOf(rowData.targets)
  if (!ids.length) return <span>Nationwide</span>
  const { docs } = await payload.find({
    collection: 'places',
    where: { id: { in: ids.slice(0, 3) } },
    depth: 0,
    select: { name: true },
    overrideAccess: true,
  })
  const names = docs.map((place) => place.name).join(', ')
  return <span>{ids.length > 3 ? `${names} +${ids.length - 3} more` : names}</span>
}

export default TargetsCell
