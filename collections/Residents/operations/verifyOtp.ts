import { randomBytes } from 'node:crypto'
import { ValidationError, type PayloadRequest } from 'payload'

import { recordAudit } from '../../../src/lib/audit'
import { HttpError } from '../../../src/lib/errors'
import { maskPhone, normalizePhMobile, PHONE_HINT } from '../../../src/lib/phone'
import { checkChallenge } from '../../OtpChallenges/operations/codes'
import { issueSession } from './issueSession'
import { publicResident } from './publicResident'
import { TooManyRequests } from '../../../src/lib/errors'
import { guardCodeCheck, resetPhoneLimits } from '../../../src/limits/guard'

const WRONG_CODE = 'That code is wrong or has expired. Check the SMS, or ask for a new code.'

/** Reads a code as sent: six digits, spaces allowed. */
export const readCode = (input: unknown) => {
  const code = typeof input === 'string' ? input.replace(/\s/g, '') : ''
  if (!/^\d{6}$/.test(code)) throw new HttpError('The code has 6 digits.', 400)
  return code
}

/** Turns a failed check into the answer: 401 for a wrong code, 429 once the code is spent. */
export const refuseCode = (outcome: 'wrong' | 'locked'): never => {
  if (outcome === 'locked') {
    throw new TooManyRequests('Too many wrong codes. Ask for a new code.', 60)
  }
  throw new HttpError(WRONG_CODE, 401)
}

// Hidden fields are read for `sessions` (issueSession keeps the live ones); the answer carries
// only publicResident's allow-list, never hash, salt or tokens.
const findResident = async (req: PayloadRequest, phone: string) => {
  const { docs } = await req.payload.find({
    collection: 'residents',
    where: { phone: { equals: phone } },
    limit: 1,
    depth: 0,
    showHiddenFields: true,
    overrideAccess: true,
    req,
  })
  return docs[0]
}

/** First sign-in: the resident is created. A double tap racing us to it finds the winner. */
const registerResident = async (req: PayloadRequest, phone: string) => {
  let resident
  try {
    resident = await req.payload.create({
      collection: 'residents',
      // Payload's auth wants a username (the phone's digits) and a password (random, never
      // shown to anyone: residents sign in only with SMS codes).
      data: { phone, username: phone.slice(1), password: randomBytes(32).toString('base64url') },
      draft: false,
      overrideAccess: true,
      req,
    })
  } catch (err) {
    const winner = err instanceof ValidationError ? await findResident(req, phone) : undefined
    if (winner) return winner
    throw err
  }
  await recordAudit(req, {
    action: 'resident.registered',
    entity: 'residents',
    entityId: resident.id,
    actor: { type: 'resident', id: resident.id },
    data: { phone: maskPhone(phone) },
  })
  return resident
}

/**
 * Checks a sign-in code against the newest challenge for the phone. On success the resident is
 * found or created and signed in; the answer carries only their public projection.
 */
export const verifyOtp = async (
  req: PayloadRequest,
  input: { phone: unknown; code: unknown; ip?: string },
) => {
  const phone = normalizePhMobile(input.phone)
  if (!phone) throw new HttpError(PHONE_HINT, 400)
  const code = readCode(input.code)
  await guardCodeCheck({ ip: input.ip })
  const outcome = await checkChallenge(req, { phone, purpose: 'sign-in' }, code)
  if (outcome !== 'right') refuseCode(outcome)
  await resetPhoneLimits(phone)

  const resident = (await findResident(req, phone)) ?? (await registerResident(req, phone))
  const session = await issueSession(req, resident)
  return { ...session, user: publicResident(resident) }
}
