import { createHmac } from 'node:crypto'

// Crockford's base32: no I, L, O or U, so a handle read aloud is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A stable pseudonym for a resident, e.g. `R-4K7P-2QX9`, for staff who must tell residents apart
 * without seeing who they are. It is a keyed hash of the resident id: it cannot be reversed or
 * recomputed without the server's secret, and it never involves the phone number.
 */
export const residentHandle = (residentId: number | string, secret: string) => {
  const digest = createHmac('sha256', secret).update(`resident-handle:${residentId}`).digest()
  let bits = 0n
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte)
  let out = ''
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(bits & 31n)] + out
    bits >>= 5n
  }
  return `R-${out.slice(0, 4)}-${out.slice(4)}`
}
