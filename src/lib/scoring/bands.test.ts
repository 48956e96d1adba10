import { randomBytes, randomInt } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { BANDS, bandsOf, MAX_INDEXED_DISTANCE, probesOf } from './bands'
import { hammingDistance } from './phash'

const flip = (hash: string, n: number) => {
  let x = BigInt(`0x${hash}`)
  const bits = new Set<number>()
  while (bits.size < n) bits.add(randomInt(0, 64))
  for (const bit of bits) x ^= 1n << BigInt(bit)
  return x.toString(16).padStart(16, '0')
}

describe('hash bands', () => {
  it('cuts a hash into 4 bands of 16 bits', () => {
    expect(bandsOf('0001ffff8000abcd')).toEqual([1, 65535, 32768, 43981])
  })
  it('probes the 137 values within 2 bits of a band, each once', () => {
    const probes = probesOf(0b1010)
    expect(probes).toHaveLength(137)
    expect(new Set(probes).size).toBe(137)
    for (const p of probes) expect(hammingDistance(p.toString(16), '000a')).toBeLessThanOrEqual(2)
  })
  it('finds every hash up to 11 bits away through some probed band (pigeonhole)', () => {
    expect(MAX_INDEXED_DISTANCE).toBe(11)
    for (let i = 0; i < 500; i++) {
      const a = randomBytes(8).toString('hex')
      const b = flip(a, 1 + (i % MAX_INDEXED_DISTANCE))
      const probes = bandsOf(a).map((band) => new Set(probesOf(band)))
      const hit = bandsOf(b).some((band, k) => probes[k].has(band))
      expect(hit, `${a} vs ${b}`).toBe(true)
    }
    expect(BANDS).toBe(4)
  })
})
