import type { Agenda } from 'agenda'
import type { Payload } from 'payload'

import { smsOutboxMinutes } from '../../collections/SmsOutbox/operations/queueSms'
import { JOBS } from '../names'

/** SMS bodies and OTP challenges are kept this long, then deleted. */
export const SMS_RETENTION_MS = 24 * 60 * 60 * 1000

/**
 * Wipes the sealed text of messages older than SMS_OUTBOX_MINUTES (the console provider keeps
 * it until then), and deletes SMS and OTP challenges older than a day: they hold phone numbers.
 */
export const purgeSmsOutbox = async (payload: Payload, now = Date.now()) => {
  await payload.update({
    collection: 'sms-outbox',
    where: {
      createdAt: { less_than: new Date(now - smsOutboxMinutes() * 60_000).toISOString() },
      sealedBody: { exists: true },
    },
    data: { sealedBody: null },
    depth: 0,
    overrideAccess: true,
  })
  const cutoff = new Date(now - SMS_RETENTION_MS).toISOString()
  const sms = await payload.delete({
    collection: 'sms-outbox',
    where: { createdAt: { less_than: cutoff } },
    overrideAccess: true,
  })
  const otp = await payload.delete({
    collection: 'otp-challenges',
    where: { createdAt: { less_than: cutoff } },
    overrideAccess: true,
  })
  return { sms: sms.docs.length, otp: otp.docs.length }
}

/** Registers the purge as a job. */
export const definePurgeSmsOutbox = (agenda: Agenda, payload: Payload) => {
  agenda.define(
    JOBS.purgeSmsOutbox,
    async () => {
      await purgeSmsOutbox(payload)
    },
    { concurrency: 1, lockLifetime: 5 * 60_000, removeOnComplete: true },
  )
}
