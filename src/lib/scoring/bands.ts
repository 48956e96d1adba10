/**
 * Multi-index hashing for 64-bit perceptual hashes. A hash is cut into 4 bands of 16 bits, each
 * stored in its own indexed column. Two hashes at most `r` bits apart differ in at most
 * ⌊r / 4⌋ bits in at least one band (pigeonhole), so probing, in every band, the values within
 * PROBE_RADIUS bits of the query's band finds every hash within 4 · PROBE_RADIUS + 3 bits —
 * a few hundred index lookups instead of a scan of every proof.
 */
export const BANDS = 4
/** Bits per band. */
export const BAND_BITS = 16
/** Bits flipped per band when probing: 0, 1 or 2 (1 + 16 + 120 = 137 values per band). */
export const PROBE_RADIUS = 2
/** The largest Hamming distance a band lookup is guaranteed to find. */
export const MAX_INDEXED_DISTANCE = BANDS * PROBE_RADIUS + BANDS - 1

/** The 4 band values (0–65535) of a hash, most significant first. */
export const bandsOf = (hash: string): number[] =>
  Array.from({ length: BANDS }, (_, i) => parseInt(hash.slice(i * 4, i * 4 + 4), 16))

/** Every 16-bit value within `radius` bits of `value`. */
export const probesOf = (value: number, radius = PROBE_RADIUS): number[] => {
  const out = [value]
  for (let i = 0; i < BAND_BITS; i++) {
    const one = value ^ (1 << i)
    if (radius >= 1) out.push(one)
    if (radius >= 2) for (let j = i + 1; j < BAND_BITS; j++) out.push(one ^ (1 << j))
  }
  return out
}
