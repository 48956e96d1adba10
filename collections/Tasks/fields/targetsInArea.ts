import type { FilterOptions, Where } from 'payload'

import { asStaff, isAdminUser, organizationIds } from '../../../src/access/roles'
import { idOf } from '../../../src/lib/ids'

/**
 * The Targets picker offers the task organisation's own area: the places whose lineage holds
 * one of its scope codes (Marikina City and its barangays for Marikina's LGU). An organisation
 * without an area may pick anywhere. The same filter validates the saved value.
 */
export const targetsInArea: FilterOptions = async ({ data, req }) => {
  const user = req.user
  const staff = asStaff(user)
  if (!staff) return true
  const organizationId =
    idOf(data?.organization) ??
    (isAdminUser(user)
      ? undefined
      : organizationIds(user).length === 1
        ? organizationIds(user)[0]
        : undefined)
  if (!organizationId) return true
  const organization = await req.payload
    .findByID({
      collection: 'organizations',
      id: organizationId,
      depth: 0,
      select: { scope: true },
      overrideAccess: true,
      req,
    })
    .catch(() => undefined)
  const scope = (organization?.scope ?? []).map(idOf).filter((id): id is number => id != null)
  if (!scope.length) return true
  const { docs } = await req.payload.find({
    collection: 'places',
    where: { id: { in: scope } },
    depth: 0,
    limit: scope.length,
    select: { code: true },
    overrideAccess: true,
    req,
  })
  const within: Where[] = docs.map((place) => ({ lineage: { contains: place.code } }))
  return within.length === 1 ? within[0] : { or: within }
}
