import type { Payload, PayloadRequest } from 'payload'

const LINEAGE_KEY = Symbol.for('bayanet.placeLineage')
type Holder = { [LINEAGE_KEY]?: Map<number, number[]> }

// PSGC changes a few times a year, by migration; caching lineages per process is safe.
const cache = () => ((globalThis as Holder)[LINEAGE_KEY] ??= new Map())

/** The place and every place above it, narrowest first: barangay, city, province, region. */
export const placeLineage = async (
  payload: Payload,
  placeId: number,
  req?: PayloadRequest,
): Promise<number[]> => {
  const cached = cache().get(placeId)
  if (cached) return cached
  const lineage: number[] = []
  let current: number | null | undefined = placeId
  while (current != null && lineage.length < 8) {
    lineage.push(current)
    const place: { parent?: number | { id: number } | null } = await payload.findByID({
      collection: 'places',
      id: current,
      depth: 0,
      select: { parent: true },
      // Places are public reference data, readable by anyone.
      overrideAccess: false,
      user: req?.user,
      req,
    })
    current = typeof place.parent === 'object' ? place.parent?.id : place.parent
  }
  cache().set(placeId, lineage)
  return lineage
}

/** True when a task with these targets reaches a resident whose lineage is given. */
export const targetsReach = (targets: number[], nationwide: boolean, lineage: number[]) =>
  nationwide || targets.length === 0 || targets.some((target) => lineage.includes(target))
