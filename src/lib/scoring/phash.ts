import sharp from 'sharp'

/** Side of the greyscale thumbnail the DCT runs on. */
const N = 32
/** Side of the block of lowest frequencies kept: 8 × 8 = 64 bits. */
const K = 8

// cos((2x + 1) u π / 2N) for every u < K, x < N, computed once.
const COS = Array.from({ length: K }, (_, u) =>
  Float64Array.from({ length: N }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N))),
)

/**
 * A 64-bit perceptual hash (DCT pHash) as 16 hex digits. The image is flattened, reduced to a
 * 32 × 32 greyscale thumbnail, and each of the 64 lowest 2-D DCT frequencies becomes one bit:
 * above or below their median. Resizing, recompression and small crops move few bits; another
 * photo, even of the same street, moves about half.
 */
export const perceptualHash = async (input: Buffer | string): Promise<string> => {
  const pixels = await sharp(input)
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(N, N, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer()
  // Separable DCT: rows first (N × K), then columns (K × K).
  const rows = new Float64Array(N * K)
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < K; u++) {
      let sum = 0
      for (let x = 0; x < N; x++) sum += pixels[y * N + x] * COS[u][x]
      rows[y * K + u] = sum
    }
  }
  const coeffs = new Float64Array(K * K)
  for (let v = 0; v < K; v++) {
    for (let u = 0; u < K; u++) {
      let sum = 0
      for (let y = 0; y < N; y++) sum += rows[y * K + u] * COS[v][y]
      coeffs[v * K + u] = sum
    }
  }
  // The DC term (overall brightness) says nothing about the picture's layout: leave it out of
  // the median, so brightness changes do not flip bits.
  const median = [...coeffs.subarray(1)].sort((a, b) => a - b)[(K * K - 1) >> 1]
  let bits = 0n
  for (let i = 0; i < K * K; i++) bits = (bits << 1n) | (coeffs[i] > median ? 1n : 0n)
  return bits.toString(16).padStart(16, '0')
}

/** Whether `value` is a hash this module wrote: 16 lowercase hex digits. */
export const isPerceptualHash = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{16}$/.test(value)

/** How many of the 64 bits differ between two hashes. */
export const hammingDistance = (a: string, b: string): number => {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`)
  let count = 0
  while (x) {
    x &= x - 1n
    count++
  }
  return count
}
