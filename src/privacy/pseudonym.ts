import { createHmac } from 'node:crypto'

/** Marks a phone column that no longer holds a phone number. */
export const ERASED_PREFIX = 'erased:'

const keyed = (secret: string, purpose: string, value: string) =>
  createHmac('sha256', secret).update(`${purpose}:${value}`).digest('hex')

/**
 * What an erased resident's phone becomes: a keyed hash (the LGU, holding the secret, can
 * still answer "was this number a resident?"), prefixed with the id so that the same phone
 * erased twice, from two accounts, stays unique.
 */
export const erasedPhone = (secret: string, residentId: number, phone: string) =>
  `${ERASED_PREFIX}${residentId}:${keyed(secret, 'erasure', phone)}`

export const isErasedPhone = (value: unknown) =>
  typeof value === 'string' && value.startsWith(ERASED_PREFIX)
