import type { CollectionBeforeChangeHook } from 'payload'

import { onBehalfOf } from '../../../src/access/onBehalfOf'
import { HttpError } from '../../../src/lib/errors'
import { placeLineage } from '../../../src/lib/geography'
import { idOf, idsOf } from '../../../src/lib/ids'

/**
 * An organisation with a scope (an LGU's city, say) targets places inside it only; only an
 * organisation without one may run nationwide tasks.
 */
export const checkTargetsInScope: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
}) => {
  const organizationId = idOf(data.organization ?? originalDoc?.organization)
  if (!organizationId) return data
  const { payload } = req
  const organization = await payload.findByID({
    collection: 'organizations',
    id: organizationId,
    depth: 1,
    ...onBehalfOf(req),
  })
  const scope = idsOf(organization.scope)
  if (!scope.length) return data
  const scopeNames = (organization.scope ?? [])
    .map((place) => (typeof place === 'object' ? place.name : String(place)))
    .join(', ')

  const targets = idsOf(data.targets ?? originalDoc?.targets)
  if (!targets.length) {
    throw new HttpError(
      `${organization.name} works in ${scopeNames}: choose target places there. Nationwide tasks are for organisations without an area.`,
      400,
    )
  }
  const outside: number[] = []
  for (const target of targets) {
    const lineage = await placeLineage(payload, target, req)
    if (!lineage.some((place) => scope.includes(place))) outside.push(target)
  }
  if (outside.length) {
    const { docs } = await payload.find({
      collection: 'places',
      where: { id: { in: outside } },
      depth: 0,
      ...onBehalfOf(req),
    })
    const names = docs.map((place) => place.name).join(', ')
    throw new HttpError(
      `${names} ${docs.length === 1 ? 'is' : 'are'} outside ${scopeNames}, where ${organization.name} works.`,
      400,
    )
  }
  return data
}
