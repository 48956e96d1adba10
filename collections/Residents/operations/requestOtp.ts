import type { PayloadRequest } from 'payload'

import { createChallenge } from '../../OtpChallenges/operations/codes'
import { deliverSms, queueSms } from '../../SmsOutbox/operations/queueSms'
import { normalizePhMobile, PHONE_HINT } from '../../../src/lib/phone'
import { inRequestTransaction } from '../../../src/lib/transaction'
import { HttpError, TooManyRequests } from '../../../src/lib/errors'
import { guardCodeRequest } from '../../../src/limits/guard'

export { TooManyRequests }

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
 * Creates a sign-in code for `phone` and queues the SMS that carries it. Answers the same way
 * whether or not the phone belongs to a resident, so it reveals nobody.
 */
export const requestOtp = async (
  req: PayloadRequest,
  input: { phone: unknown; ip?: string; language?: unknown },
) => {
  const phone = normalizePhMobile(input.phone)
  if (!phone) throw new HttpError(PHONE_HINT, 400)

  // Limits first (atomic in Redis, so two quick taps cannot both pass): nothing is stored or
  // sent for a refused request, and nothing at all when the limit store is down.
  await guardCodeRequest(req, { phone, ip: input.ip })
  const messageId = await inRequestTransaction(req, async () => {
    const code = await createChallenge(req, { phone, purpose: 'sign-in' }, input.ip)
    const language = (await languageOf(req, phone)) ?? (input.language === 'en' ? 'en' : 'fil')
    return queueSms(req, { to: phone, template: 'otp.sign-in', language, code, purpose: 'otp' })
  })
  // Enqueued after the commit, so the job always finds the message.
  await deliverSms(messageId)
}
