import type { PayloadRequest } from 'payload'

import { enqueue } from '../../../jobs/queue'
import { JOBS } from '../../../jobs/names'
import { renderSms, type SmsTemplate } from '../../../providers/sms/templates'
import { seal } from '../../../src/lib/seal'
import type { SMS_PURPOSES } from '..'

/** Minutes a console-provider message stays readable in the outbox (development only). */
export const smsOutboxMinutes = () => {
  const value = Number(process.env.SMS_OUTBOX_MINUTES ?? 10)
  return Number.isFinite(value) && value >= 0 ? value : 10
}

/** A message to queue: a template, its language and parameters, and whom it goes to. */
export type QueuedSms = {
  to: string
  template: SmsTemplate
  language?: string | null
  code: string
  purpose: (typeof SMS_PURPOSES)[number]
}

/**
 * Stores the message in the outbox inside the caller's transaction: sealed, with the code
 * masked in `body`. Returns its id; call `deliverSms` with it after the commit.
 */
export const queueSms = async (req: PayloadRequest, sms: QueuedSms) => {
  const text = renderSms(sms.template, sms.language, { code: sms.code })
  const masked = renderSms(sms.template, sms.language, { code: '••••••' })
  const message = await req.payload.create({
    collection: 'sms-outbox',
    data: {
      to: sms.to,
      body: masked,
      sealedBody: seal(req.payload.secret, 'sms-outbox', text),
      language: sms.language === 'en' ? 'en' : 'fil',
      purpose: sms.purpose,
      status: 'queued',
      attempts: 0,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return message.id
}

/** Hands a queued message to the `sms.send` job; once per message, however often called. */
export const deliverSms = (messageId: number) =>
  enqueue(JOBS.sendSms, { messageId }, { uniqueBy: { 'data.messageId': messageId } })
