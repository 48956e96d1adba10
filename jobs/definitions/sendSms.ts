import { type Agenda, backoffStrategies, type Job } from 'agenda'
import type { Payload } from 'payload'

import type { SmsProvider } from '../../providers/sms/types'
import { unseal } from '../../src/lib/seal'
import { JOBS, type JobData } from '../names'

/** Delivers one queued SMS from the outbox. A message already sent is not sent again. */
export const defineSendSms = (agenda: Agenda, payload: Payload, provider: SmsProvider) => {
  agenda.define<JobData[typeof JOBS.sendSms]>(
    JOBS.sendSms,
    async (job: Job<JobData[typeof JOBS.sendSms]>) => {
      const { messageId } = job.attrs.data
      const found = await payload.find({
        collection: 'sms-outbox',
        where: { id: { equals: messageId } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        // The job needs the sealed text, which the collection's afterRead hook strips.
        context: { keepSealedBody: true },
      })
      const message = found.docs[0]
      if (!message) throw new Error(`sms ${messageId} not visible yet`)
      if (message.status === 'sent') return
      const text = message.sealedBody
        ? unseal(payload.secret, 'sms-outbox', message.sealedBody)
        : undefined
      if (!text) {
        // Sealed under another secret, or wiped: nothing we can send. Not retried.
        await payload.update({
          collection: 'sms-outbox',
          id: messageId,
          data: { status: 'failed', error: 'the message can no longer be read' },
          overrideAccess: true,
        })
        return
      }
      try {
        const { providerRef } = await provider.send({ to: message.to, body: text })
        await payload.update({
          collection: 'sms-outbox',
          id: messageId,
          data: {
            status: 'sent',
            provider: provider.name,
            providerRef,
            sentAt: new Date().toISOString(),
            attempts: (message.attempts ?? 0) + 1,
            // A real provider has it now: no code stays in our database.
            ...(provider.name === 'console' ? {} : { sealedBody: null }),
          },
          overrideAccess: true,
        })
      } catch (err) {
        await payload.update({
          collection: 'sms-outbox',
          id: messageId,
          data: {
            status: 'failed',
            provider: provider.name,
            attempts: (message.attempts ?? 0) + 1,
            error: (err as Error).message.slice(0, 500),
          },
          overrideAccess: true,
        })
        throw err
      }
    },
    {
      concurrency: 10,
      lockLifetime: 60_000,
      backoff: backoffStrategies.exponential({ delay: 1000, maxRetries: 4, factor: 2 }),
    },
  )
}
