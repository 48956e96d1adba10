import { createHmac, randomInt } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { enqueue } from '../../../jobs/queue'
import { lockForTransaction } from '../../../src/lib/advisoryLock'
import { JOBS } from '../../../jobs/names'
import { normalizePhMobile, PHONE_HINT } from '../../../src/lib/phone'
import { inRequestTransaction } from '../../../src/lib/transaction'
import { HttpError } from '../../../src/lib/errors'

/** How long a code stays valid. */
export const OTP_TTL_MS = 5 * 60 * 1000
/** The shortest wait between two codes to one phone. */
export const OTP_RESEND_MS = 30 * 1000
/** At most this many codes to one phone per hour. */
export const OTP_MAX_PER_HOUR = 5

/** A code's keyed hash: the stored value is useless without the server secret. */
export const hashOtp = (secret: string, phone: string, code: string) =>
  createHmac('sha256', secret).update(`${phone}:${code}`).digest('hex')

/** Thrown when a phone asks too often; carries how long to wait. */
export class TooManyRequests extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429, { retryAfterSeconds })
  }
}

/**
 * Creates a one-time code for `phone` and queues the SMS that carries it. Answers the same
 * way whether or not the phone belongs to a resident, so it reveals nobody.
 */
export const requestOtp = async (req: PayloadRequest, input: { phone: unknown; ip?: string }) => {
  const phone = normalizePhMobile(input.phone)
  if (!phone) throw new HttpError(PHONE_HINT, 400)
  const { payload } = req

  // One request per phone at a time, so two quick taps cannot both pass the limits below.
  const message = await inRequestTransaction(req, async () => {
    await lockForTransaction(req, `otp-request:${phone}`)
    const now = Date.now()
    const recent = await payload.find({
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

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    await payload.create({
      collection: 'otp-challenges',
      data: {
        phone,
        codeHash: hashOtp(payload.secret, phone, code),
        expiresAt: new Date(now + OTP_TTL_MS).toISOString(),
        attempts: 0,
        requestIp: input.ip,
      },
      overrideAccess: true,
      req,
    })
    return payload.create({
      collection: 'sms-outbox',
      data: {
        to: phone,
        purpose: 'otp',
        body: `Bayanet: ${code} ang iyong code. Valid ito sa 5 minuto. / Your code is ${code}. Never share it.`,
        status: 'queued',
      },
      overrideAccess: true,
      req,
    })
  })
  // Enqueued after the commit, so the job always finds the message.
  await enqueue(
    JOBS.sendSms,
    { messageId: message.id },
    { uniqueBy: { 'data.messageId': message.id } },
  )
}
