import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const derive = promisify(pbkdf2)

/** The prefix Payload 3.90 writes before its current password hashes. */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'

/** Stored credentials as Payload keeps them on an auth collection's document. */
export type StoredPassword = { hash: string; salt: string }

/**
 * The pbkdf2 cost of checking a password against `hash`, read from its format as Payload reads
 * it: current hashes (prefixed) take 600,000 rounds for 32 bytes, legacy ones 25,000 for 512.
 */
export const passwordHashParameters = (hash: string) =>
  hash.startsWith(CURRENT_PREFIX)
    ? { digest: hash.slice(CURRENT_PREFIX.length), iterations: 600_000, keyLength: 32 }
    : { digest: hash, iterations: 25_000, keyLength: 512 }

/**
 * Checks `password` against stored credentials with exactly the work Payload's local strategy
 * does (pbkdf2-sha256 with the hash's own parameters, then a constant-time compare).
 */
export const checkPassword = async ({ hash, salt }: StoredPassword, password: string) => {
  const { digest, iterations, keyLength } = passwordHashParameters(hash)
  const derived = await derive(password, salt, iterations, keyLength, 'sha256')
  const stored = Buffer.from(digest, 'hex')
  return derived.length === stored.length && timingSafeEqual(derived, stored)
}

/**
 * Credentials in Payload's current format that no password matches: the stand-in for an
 * unknown or locked account, so that refusing it costs what a wrong password costs.
 */
export const DECOY_PASSWORD: StoredPassword = {
  salt: randomBytes(32).toString('hex'),
  hash: `${CURRENT_PREFIX}${randomBytes(32).toString('hex')}`,
}

/** Spends the password work of one sign-in attempt on an account that does not exist. */
export const spendPasswordWork = async (password: string) => {
  await checkPassword(DECOY_PASSWORD, password)
}
