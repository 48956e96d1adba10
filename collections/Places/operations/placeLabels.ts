import type { PsgcRow } from './psgcRows'

/** What the loader stores beside each PSGC row so nobody computes it per request. */
export type PlaceExtras = {
  /** Name plus the ancestors that tell it apart: "Nangka, City of Marikina, NCR". */
  label: string
  /** The codes of the place and every place above it, widest first, space-separated. */
  lineage: string
  /** How many barangays the place covers (1 for a barangay). */
  barangays: number
}

/** "National Capital Region (NCR)" → "NCR"; "Region VII (Central Visayas)" → "Central Visayas". */
export const shortRegionName = (name: string) => /\(([^)]+)\)\s*$/.exec(name)?.[1] ?? name

/**
 * Labels for every place: its name, then its parents up to the first province (or the region,
 * by its short name). Namesakes that still collide get the region added, then the PSGC code,
 * so every label in the list is unique.
 */
export const placeExtras = (rows: PsgcRow[]): Map<string, PlaceExtras> => {
  const byCode = new Map(rows.map((row) => [row.code, row]))
  const ancestors = (row: PsgcRow) => {
    const chain: PsgcRow[] = []
    for (let up = row.parentCode && byCode.get(row.parentCode); up;) {
      chain.push(up)
      up = up.parentCode ? byCode.get(up.parentCode) : undefined
    }
    return chain // narrowest first
  }
  const nameOf = (row: PsgcRow) => (row.level === 'region' ? shortRegionName(row.name) : row.name)

  const chains = new Map(rows.map((row) => [row.code, ancestors(row)]))
  const shortLabel = (row: PsgcRow) => {
    const parts = [row.name]
    for (const up of chains.get(row.code)!) {
      parts.push(nameOf(up))
      if (up.level === 'province') break
    }
    return parts.join(', ')
  }
  const fullLabel = (row: PsgcRow) => [row.name, ...chains.get(row.code)!.map(nameOf)].join(', ')

  const labels = new Map(rows.map((row) => [row.code, shortLabel(row)]))
  const relabel = (make: (row: PsgcRow) => string) => {
    const seen = new Map<string, string[]>()
    for (const [code, label] of labels) seen.set(label, [...(seen.get(label) ?? []), code])
    for (const codes of seen.values()) {
      if (codes.length > 1) for (const code of codes) labels.set(code, make(byCode.get(code)!))
    }
  }
  relabel(fullLabel)
  relabel((row) => `${fullLabel(row)} (${row.code})`)

  const barangays = new Map<string, number>()
  for (const row of rows) {
    if (row.level !== 'barangay') continue
    for (const code of [row.code, ...chains.get(row.code)!.map((up) => up.code)]) {
      barangays.set(code, (barangays.get(code) ?? 0) + 1)
    }
  }
  return new Map(
    rows.map((row) => [
      row.code,
      {
        label: labels.get(row.code)!,
        lineage: [
          ...chains
            .get(row.code)!
            .map((up) => up.code)
            .reverse(),
          row.code,
        ].join(' '),
        barangays: barangays.get(row.code) ?? 0,
      },
    ]),
  )
}
