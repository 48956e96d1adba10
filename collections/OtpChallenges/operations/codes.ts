import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { lockForTransaction } from '../../../src/lib/advisoryLock'
import { inRequestTransaction } from '../../../src/lib/transaction'
import type { OtpPurpose } from '..'

/** How long a code stays valid (NIST 800-63B: short-lived; ASVS V6: ≤ 10 minutes). */
export const OTP_TTL_MS = 5 * 60 * 1000
/** Guesses allowed on one code; the next is refused even when right. */
export const OTP_MAX_ATTEMPTS = 5

/** The HMAC key for codes, derived from the server secret so it is never the secret itself. */
const otpKey = (secret: string) => createHmac('sha256', secret).update('bayanet:otp:v2').digest()

/**
 * A code's keyed hash, bound to the request (its nonce), the purpose, the phone and, for a
 * payout change, the resident: a code is useless anywhere else, and without the server secret.
 */
export const hashOtp = (
  secret: string,
  parts: { nonce: string; purpose: OtpPurpose; phone: string; resident?: number | null },
  code: string,
) =>
  createHmac('sha256', otpKey(secret))
    .update([parts.nonce, parts.purpose, parts.phone, parts.resident ?? '', code].join('\n'))
    .digest('hex')

const sameHash = (a: string, b: string) => {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}

/** A CSPRNG 6-digit code. */
export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0')

type Binding = { phone: string; purpose: OtpPurpose; resident?: number }

const lockKey = ({ phone, purpose, resident }: Binding) =>
  `otp:${purpose}:${phone}:${resident ?? ''}`

const bindingWhere = ({ phone, purpose, resident }: Binding) => ({
  phone: { equals: phone },
  purpose: { equals: purpose },
  ...(resident ? { resident: { equals: resident } } : {}),
})

/**
 * Stores a new challenge for `binding` inside the caller's transaction and returns its code.
 * Every older live challenge for the same binding is voided: only the newest code works.
 */
export const createChallenge = async (req: PayloadRequest, binding: Binding, ip?: string) => {
  const { payload } = req
  await lockForTransaction(req, lockKey(binding))
  const now = new Date()
  await payload.update({
    collection: 'otp-challenges',
    where: { ...bindingWhere(binding), consumedAt: { exists: false } },
    data: { consumedAt: now.toISOString() },
    depth: 0,
    overrideAccess: true,
    req,
  })
  const code = newCode()
  const nonce = randomBytes(16).toString('hex')
  await payload.create({
    collection: 'otp-challenges',
    data: {
      phone: binding.phone,
      purpose: binding.purpose,
      resident: binding.resident,
      nonce,
      codeHash: hashOtp(payload.secret, { ...binding, nonce }, code),
      expiresAt: new Date(now.getTime() + OTP_TTL_MS).toISOString(),
      attempts: 0,
      requestIp: ip,
    },
    overrideAccess: true,
    req,
  })
  return code
}

/** What checking a code found. */
export type CodeCheck = 'right' | 'wrong' | 'locked'

/**
 * Checks `code` against the newest challenge for `binding`, once: a right code is consumed, a
 * wrong one counts an attempt, and after OTP_MAX_ATTEMPTS the code is refused even when right.
 * Checks for one binding are serialised, so parallel guesses each count.
 */
export const checkChallenge = async (
  req: PayloadRequest,
  binding: Binding,
  code: string,
): Promise<CodeCheck> => {
  const { payload } = req
  return inRequestTransaction(req, async () => {
    await lockForTransaction(req, lockKey(binding))
    const { docs } = await payload.find({
      collection: 'otp-challenges',
      where: bindingWhere(binding),
      sort: '-id',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const challenge = docs[0]
    if (!challenge || challenge.consumedAt) return 'wrong'
    if (new Date(challenge.expiresAt).getTime() <= Date.now()) return 'wrong'
    if (challenge.attempts >= OTP_MAX_ATTEMPTS) return 'locked'
    const expected = hashOtp(payload.secret, { ...binding, nonce: challenge.nonce ?? '' }, code)
    const right = sameHash(challenge.codeHash, expected)
    await payload.update({
      collection: 'otp-challenges',
      id: challenge.id,
      data: right
        ? { consumedAt: new Date().toISOString(), attempts: challenge.attempts + 1 }
        : { attempts: challenge.attempts + 1 },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return right ? 'right' : 'wrong'
  })
}
