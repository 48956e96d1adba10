import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

const key = (secret: string, purpose: string) =>
  createHmac('sha256', secret).update(`bayanet:seal:${purpose}`).digest()

/**
 * Encrypts `text` (AES-256-GCM) with a key derived from the server secret for `purpose`. For
 * values that must wait in the database a little while (an SMS with a code, until delivered)
 * and must not be readable there meanwhile.
 */
export const seal = (secret: string, purpose: string, text: string) => {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(secret, purpose), iv)
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
}

/** Decrypts what `seal` produced; undefined when it was tampered with or sealed by another key. */
export const unseal = (secret: string, purpose: string, sealed: string): string | undefined => {
  if (!sealed.startsWith('v1.')) return undefined
  try {
    const raw = Buffer.from(sealed.slice(3), 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', key(secret, purpose), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}
