import { randomBytes, timingSafeEqual } from 'node:crypto'
import { ValidationError, type PayloadRequest } from 'payload'

import { lockForTransaction } from '../../../src/lib/advisoryLock'
import { recordAudit } from '../../../src/lib/audit'
import { maskPhone, normalizePhMobile, PHONE_HINT } from '../../../src/lib/phone'
import { inRequestTransaction } from '../../../src/lib/transaction'
import { hashOtp, TooManyRequests } from './requestOtp'
import { issueSession } from './issueSession'
import { HttpError } from '../../../src/lib/errors'

/** Wrong guesses allowed on one code before it is locked. */
export const OTP_MAX_ATTEMPTS = 5

const WRONG_CODE = 'That code is wrong or has expired. Check the SMS, or ask for a new code.'

const sameHash = (a: string, b: string) => {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}

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
 * Checks a code against the newest live challenge for the phone. On success the resident is
 * found or created and signed in.
 */
export const verifyOtp = async (req: PayloadRequest, input: { phone: unknown; code: unknown }) => {
  const phone = normalizePhMobile(input.phone)
  if (!phone) throw new HttpError(PHONE_HINT, 400)
  const code = typeof input.code === 'string' ? input.code.trim() : ''
  if (!/^\d{6}$/.test(code)) throw new HttpError('The code has 6 digits.', 400)
  const { payload } = req

  // One verification per phone at a time: parallel guesses must each count as an attempt,
  // and a code must sign in once.
  const outcome = await inRequestTransaction(req, async () => {
    await lockForTransaction(req, `otp:${phone}`)
    const { docs } = await payload.find({
      collection: 'otp-challenges',
      where: {
        phone: { equals: phone },
        consumedAt: { exists: false },
        expiresAt: { greater_than: new Date().toISOString() },
      },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const challenge = docs[0]
    if (!challenge) return 'wrong' as const
    if (challenge.attempts >= OTP_MAX_ATTEMPTS) return 'locked' as const
    const right = sameHash(challenge.codeHash, hashOtp(payload.secret, phone, code))
    await payload.update({
      collection: 'otp-challenges',
      id: challenge.id,
      data: right ? { consumedAt: new Date().toISOString() } : { attempts: challenge.attempts + 1 },
      overrideAccess: true,
      req,
    })
    return right ? ('right' as const) : ('wrong' as const)
  })
  if (outcome === 'locked')
    throw new TooManyRequests('Too many wrong codes. Ask for a new code.', 60)
  if (outcome === 'wrong') throw new HttpError(WRONG_CODE, 401)

  const resident = (await findResident(req, phone)) ?? (await registerResident(req, phone))
  const session = await issueSession(req, resident)
  return { ...session, user: resident }
}
