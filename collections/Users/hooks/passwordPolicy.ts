import type { CollectionBeforeOperationHook } from 'payload'

import { HttpError } from '../../../src/lib/errors'
import { COMMON_PASSWORDS } from './commonPasswords'

/** The shortest staff password (NIST 800-63B asks for at least 8; staff move money). */
export const MIN_PASSWORD_LENGTH = 12

/** Why `password` is not good enough, or undefined when it is. */
export const passwordProblem = (password: string, email?: string) => {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`
  }
  const lower = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/\d+$/, ''))) {
    return 'That password is on the list of common passwords; choose another.'
  }
  if (new Set(lower).size < 4) return 'That password repeats too few characters; choose another.'
  const local = email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && lower.includes(local)) {
    return 'The password must not contain your email name.'
  }
  return undefined
}

/**
 * Staff passwords set over the API (the admin, REST, GraphQL: creating a user, changing one's
 * password, resetting it) follow the policy. Server code (seeds, tests) sets its own.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  if (!['create', 'update', 'resetPassword'].includes(operation)) return args
  const data = (args as { data?: { password?: unknown; email?: unknown } }).data
  if (!data || data.password === undefined || data.password === null) return args
  if (typeof data.password !== 'string') throw new HttpError('The password must be text.', 400)
  const email = typeof data.email === 'string' ? data.email : (req.user?.email ?? undefined)
  const problem = passwordProblem(data.password, email as string | undefined)
  if (problem) throw new HttpError(problem, 400)
  return args
}
