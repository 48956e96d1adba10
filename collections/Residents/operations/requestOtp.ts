import type { PayloadRequest } from 'payload'

import { createChallenge } from '../../OtpChallenges/operations/codes'
import { deliverSms, queueSms } from '../../SmsOutbox/operations/queueSms'
import { normalizePhMobile, PHONE_HINT } from '../../../src/lib/phone'
import { inRequestTransaction } from '../../../src/lib/transaction'
import { HttpError } from '../../../src/lib/errors'
import { lockForTransaction } from '../../../src/lib/advisoryLock'

/** The shortest wait between two codes to one phone. */
export const OTP_RESEND_MS = 30 * 1000
/** At most this many codes to one phone per hour. */
export const OTP_MAX_PER_HOUR = 5

/** Thrown when a caller asks too often; carries how long to wait. */
export class TooManyRequests extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429, { retryAfterSeconds })
  }
}

/** The resident's chosen language for `phone`, when they are registered. */
const languageOf = async (req: PayloadRequest, phone: string) => {
  const { docs } = await req.payload.find({
    collection: 'residents',
    where: { phone: { equals: phone } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0]?.language
}

/**
 * Per-phone pacing kept in the database: one code per OTP_RESEND_MS and OTP_MAX_PER_HOUR an
 * hour. Called under the phone's advisory lock.
 */
const checkPhonePace = async (req: PayloadRequest, phone: string) => {
  const now = Date.now()
  const recent = await req.payload.find({
    collection: 'otp-challenges',
    where: {
      phone: { equals: phone },
      createdAt: { greater_than: new Date(now - 3600_000).toISOString() },
    },
    sort: '-createdAt',
    limit: OTP_MAX_PER_HOUR,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const latest = recent.docs[0]
  if (latest) {
    const wait = new Date(latest.createdAt).getTime() + OTP_RESEND_MS - now
    if (wait > 0) {
      throw new TooManyRequests(
        'A code was just sent. Wait a moment before asking again.',
        Math.ceil(wait / 1000),
      )
    }
  }
  if (recent.totalDocs >= OTP_MAX_PER_HOUR) {
    const oldest = recent.docs[recent.docs.length - 1]
    const wait = new Date(oldest.createdAt).getTime() + 3600_000 - now
    throw new TooManyRequests(
      'Too many codes for this number. Try again later.',
      Math.max(1, Math.ceil(wait / 1000)),
    )
  }
}

/**
 * Creates a sign-in code for `phone` and queues the SMS that carries it. Answers the same way
 * whether or not the phone belongs to a resident, so it reveals nobody.
 */
export const requestOtp = async (
  req: PayloadRequest,
  input: { phone: unknown; ip?: string; language?: unknown },
) => {
  const phone = normalizePhMobile(input.phone)
  if (!phone) throw new HttpError(PHONE_HINT, 400)

  const messageId = await inRequestTransaction(req, async () => {
    // One request per phone at a time, so two quick taps cannot both pass the pacing.
    await lockForTransaction(req, `otp-request:${phone}`)
    await checkPhonePace(req, phone)
    const code = await createChallenge(req, { phone, purpose: 'sign-in' }, input.ip)
    const language = (await languageOf(req, phone)) ?? (input.language === 'en' ? 'en' : 'fil')
    return queueSms(req, { to: phone, template: 'otp.sign-in', language, code, purpose: 'otp' })
  })
  // Enqueued after the commit, so the job always finds the message.
  await deliverSms(messageId)
}
