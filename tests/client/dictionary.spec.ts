import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { en } from '../../client/src/i18n/en'
import { enMore } from '../../client/src/i18n/en-more'
import { fil } from '../../client/src/i18n/fil'
import { filMore } from '../../client/src/i18n/fil-more'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) ? [full] : []
  })

describe('the resident app speaks English and Filipino', () => {
  for (const [name, english, filipino] of [
    ['core', en, fil],
    ['more', enMore, filMore],
  ] as const) {
    it(`has every ${name} string in both languages, with the same placeholders`, () => {
      const missing = Object.keys(english).filter((key) => !(key in filipino))
      const extra = Object.keys(filipino).filter((key) => !(key in english))
      expect({ missing, extra }).toEqual({ missing: [], extra: [] })
      for (const [key, text] of Object.entries(english)) {
        const other = (filipino as Record<string, string>)[key]
        expect(other.trim(), key).not.toBe('')
        expect(placeholders(other), key).toEqual(placeholders(text))
      }
    })
  }

  it('has a string for every key the screens use', () => {
    const known = new Set([...Object.keys(en), ...Object.keys(enMore)])
    const used = new Set<string>()
    for (const file of sourceFiles(path.resolve('client/src'))) {
      const code = fs.readFileSync(file, 'utf8')
      for (const m of code.matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1])
      // Keys built from a prefix (statuses, purposes, levels) must exist for every value used.
      for (const m of code.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)) {
        expect(
          [...known].some((key) => key.startsWith(`${m[1]}.`)),
          m[1],
        ).toBe(true)
      }
    }
    expect([...used].filter((key) => !known.has(key))).toEqual([])
  })

  it('names every status, consent purpose and place level the API uses', () => {
    const known = new Set([...Object.keys(en), ...Object.keys(enMore)])
    const expected = [
      ...['pending', 'needs_review', 'auto_approved', 'approved', 'rejected', 'queued'].map(
        (s) => `status.${s}`,
      ),
      ...['reserved', 'issuing', 'issued', 'failed', 'reversed'].map((s) => `rewards.status.${s}`),
      ...['terms', 'data-processing', 'location', 'photos', 'sms-updates', 'marketing'].flatMap(
        (p) => [`consent.${p}.title`, `consent.${p}.body`],
      ),
      ...['region', 'province', 'city', 'municipality', 'submunicipality', 'barangay'].map(
        (l) => `place.level.${l}`,
      ),
    ]
    expect(expected.filter((key) => !known.has(key))).toEqual([])
  })
})
