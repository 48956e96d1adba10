import { type Agenda, type BackoffContext, type Job } from 'agenda'
import type { Payload } from 'payload'

import { SmsSendError, type SmsProvider } from '../../providers/sms/types'
import { lockForTransaction } from '../../src/lib/advisoryLock'
import { unseal } from '../../src/lib/seal'
import { withTransaction } from '../../src/lib/transaction'
import { JOBS, type JobData } from '../names'

/** Tries per message before it is marked failed. */
export const SMS_MAX_ATTEMPTS = 6

/**
 * When to try again: never after a permanent refusal; otherwise exponential from 2 s, but never
 * sooner than the provider's Retry-After.
 */
export const smsBackoff = ({ attempt, error }: BackoffContext): number | null => {
  if (attempt >= SMS_MAX_ATTEMPTS) return null
  if (error instanceof SmsSendError && !error.retryable) return null
  const exponential = 2000 * 2 ** (attempt - 1)
  const asked = error instanceof SmsSendError ? (error.retryAfterSeconds ?? 0) * 1000 : 0
  return Math.min(Math.max(exponential, asked), 15 * 60_000)
}

/**
 * Delivers one queued SMS from the outbox, once: under the message's lock, inside one
 * transaction, a message already sent is never sent again, however many runs race.
 */
export const deliverQueuedSms = async (
  payload: Payload,
  provider: SmsProvider,
  messageId: number,
) =>
  withTransaction(payload, async (req) => {
    await lockForTransaction(req, `sms:${messageId}`)
    const found = await payload.find({
      collection: 'sms-outbox',
      where: { id: { equals: messageId } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      // The job needs the sealed text, which the collection's afterRead hook strips.
      context: { keepSealedBody: true },
      req,
    })
    const message = found.docs[0]
    if (!message) throw new Error(`sms ${messageId} not visible yet`)
    if (message.status !== 'queued') return message.status
    const attempts = (message.attempts ?? 0) + 1
    const text = message.sealedBody
      ? unseal(payload.secret, 'sms-outbox', message.sealedBody)
      : undefined
    const update = (data: Record<string, unknown>) =>
      payload.update({
        collection: 'sms-outbox',
        id: messageId,
        data: { provider: provider.name, attempts, ...data },
        depth: 0,
        overrideAccess: true,
        req,
      })
    if (!text) {
      // Sealed under another secret, or wiped after its time: nothing we can send.
      await update({ status: 'failed', error: 'the message can no longer be read' })
      return 'failed'
    }
    try {
      const { providerRef } = await provider.send({ to: message.to, body: text })
      await update({
        status: 'sent',
        providerRef,
        sentAt: new Date().toISOString(),
        error: null,
        // A real provider has it now: no code stays in our database.
        ...(provider.name === 'console' ? {} : { sealedBody: null }),
      })
      return 'sent'
    } catch (err) {
      const final = attempts >= SMS_MAX_ATTEMPTS || (err instanceof SmsSendError && !err.retryable)
      await update({
        status: final ? 'failed' : 'queued',
        error: (err as Error).message.slice(0, 500),
        ...(final ? { sealedBody: null } : {}),
      })
      if (final) return 'failed'
      // Committed above by returning; the thrown error schedules the retry.
      return err as Error
    }
  }).then((outcome) => {
    if (outcome instanceof Error) throw outcome
    return outcome
  })

/** Registers `sms.send`: retries with backoff that honours the provider's Retry-After. */
export const defineSendSms = (agenda: Agenda, payload: Payload, provider: SmsProvider) => {
  agenda.define<JobData[typeof JOBS.sendSms]>(
    JOBS.sendSms,
    async (job: Job<JobData[typeof JOBS.sendSms]>) => {
      await deliverQueuedSms(payload, provider, job.attrs.data.messageId)
    },
    { concurrency: 10, lockLifetime: 60_000, backoff: smsBackoff },
  )
}
