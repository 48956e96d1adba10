import { describe, expect, it } from 'vitest'

import { psgcRows } from './psgcRows'

describe('psgcRows', () => {
  const rows = psgcRows()
  const byCode = new Map(rows.map((row) => [row.code, row]))
  const count = (level: string) => rows.filter((row) => row.level === level).length

  it('holds the whole 2025-2Q PSGC', () => {
    expect(count('region')).toBe(18)
    expect(count('barangay')).toBe(42_011)
    // 1,656 cities, municipalities and Manila's districts.
    expect(count('city') + count('municipality') + count('submunicipality')).toBe(1_656)
    // The dataset's 115 "provinces" are 82 provinces and 33 highly urbanised cities, stored as cities.
    expect(count('province')).toBe(82)
  })

  it('has one row per code, and every parent exists and is wider', () => {
    expect(byCode.size).toBe(rows.length)
    const order = ['region', 'province', 'city', 'municipality', 'submunicipality', 'barangay']
    for (const row of rows) {
      if (!row.parentCode) {
        expect(row.level).toBe('region')
        continue
      }
      const parent = byCode.get(row.parentCode)
      expect(parent, row.code).toBeDefined()
      expect(order.indexOf(parent!.level)).toBeLessThan(order.indexOf(row.level))
    }
  })

  it('puts a Manila barangay under its district, the city and NCR', () => {
    const lineage: string[] = []
    for (let code: string | null = '1380602001'; code; code = byCode.get(code)?.parentCode ?? null)
      lineage.push(byCode.get(code)!.name)
    expect(lineage).toEqual([
      'Barangay 287',
      'Binondo',
      'City of Manila',
      'National Capital Region (NCR)',
    ])
  })
})
