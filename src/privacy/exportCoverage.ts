import type { SanitizedConfig } from 'payload'

import { DATA_MAP, type PersonalCollection } from './dataMap'

/** Field names that suggest personal data, for collections declared not personal. */
const PERSONAL_LOOKING =
  /phone|mobile|msisdn|gcash|e-?mail|address|birth|(^|[a-z])Ip$|^ip|location|latitude|longitude|photo|selfie|answers?$/i

type FieldLike = {
  name?: string
  type?: string
  relationTo?: string | string[]
  fields?: FieldLike[]
  flattenedFields?: FieldLike[]
}

/** Every named field, nested ones as `group.field`. */
const fieldPaths = (fields: FieldLike[], prefix = ''): { path: string; field: FieldLike }[] =>
  fields.flatMap((field) => {
    if (!field.name) return []
    const path = `${prefix}${field.name}`
    const nested = field.flattenedFields ?? field.fields
    return [
      { path, field },
      ...(nested && field.type === 'group' ? fieldPaths(nested, `${path}.`) : []),
    ]
  })

const targets = (field: FieldLike) =>
  field.relationTo == null
    ? []
    : Array.isArray(field.relationTo)
      ? field.relationTo
      : [field.relationTo]

/** What the export leaves out or the data map does not account for. */
export type CoverageReport = {
  /** Collections with no entry in DATA_MAP. */
  unregistered: string[]
  /** `collection.field` of personal collections missing from the export's rows. */
  missingFromExport: string[]
  /** Personal collections that had no rows to check (the check needs one of each). */
  unchecked: string[]
  /** Fields of collections declared not personal that point at residents' data or look personal. */
  suspicious: string[]
}

/**
 * Checks an export against the Payload config: every collection is in DATA_MAP, every field of
 * a personal collection (less its declared secrets) appears in every exported row, and no
 * collection declared non-personal has a field that points at residents or looks personal.
 */
export const exportCoverage = (
  config: Pick<SanitizedConfig, 'collections'>,
  exported: Record<string, Record<string, unknown>[]>,
): CoverageReport => {
  const report: CoverageReport = {
    unregistered: [],
    missingFromExport: [],
    unchecked: [],
    suspicious: [],
  }
  const personalSlugs = new Set(
    Object.entries(DATA_MAP)
      .filter(([, entry]) => entry.personal)
      .map(([slug]) => slug),
  )
  for (const collection of config.collections) {
    const slug = collection.slug
    const entry = (
      DATA_MAP as Record<string, (typeof DATA_MAP)[keyof typeof DATA_MAP] | undefined>
    )[slug]
    const paths = fieldPaths(collection.flattenedFields as unknown as FieldLike[])
    if (!entry) {
      report.unregistered.push(slug)
      continue
    }
    if (!entry.personal) {
      for (const { path, field } of paths) {
        if (entry.allowed?.[path]) continue
        const pointsAtPersonal = targets(field).some((target) => personalSlugs.has(target))
        if (pointsAtPersonal || PERSONAL_LOOKING.test(path.split('.').pop() ?? '')) {
          report.suspicious.push(`${slug}.${path}`)
        }
      }
      continue
    }
    const rows = exported[slug] ?? []
    if (!rows.length) {
      report.unchecked.push(slug)
      continue
    }
    const withheld = (entry as PersonalCollection).withheld ?? {}
    for (const { path } of paths) {
      if (path in withheld || path.split('.')[0] in withheld) continue
      const present = rows.every((row) => {
        let value: unknown = row
        for (const part of path.split('.')) {
          if (!value || typeof value !== 'object' || !(part in value)) return false
          value = (value as Record<string, unknown>)[part]
        }
        return true
      })
      if (!present) report.missingFromExport.push(`${slug}.${path}`)
    }
  }
  return report
}
