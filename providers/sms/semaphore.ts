import { postToProvider } from './http'
import { SmsSendError, type SmsProvider } from './types'

/** Semaphore (semaphore.co), the Philippine SMS gateway: its v4 messages API. */
export const semaphoreSmsProvider = (
  options: { apiKey?: string; baseUrl?: string; senderName?: string } = {},
): SmsProvider => {
  const apiKey = options.apiKey ?? process.env.SEMAPHORE_API_KEY
  const baseUrl = (
    options.baseUrl ??
    process.env.SEMAPHORE_BASE_URL ??
    'https://api.semaphore.co'
  ).replace(/\/$/, '')
  const senderName = options.senderName ?? process.env.SEMAPHORE_SENDER_NAME ?? 'BAYANET'
  if (!apiKey) throw new Error('SMS_PROVIDER=semaphore needs SEMAPHORE_API_KEY')
  return {
    name: 'semaphore',
    async send({ to, body }) {
      // Semaphore takes the number without the plus; it answers a list of queued messages.
      const answer = await postToProvider('semaphore', `${baseUrl}/api/v4/messages`, {
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          apikey: apiKey,
          number: to.replace(/^\+/, ''),
          message: body,
          sendername: senderName,
        }),
      })
      const first = Array.isArray(answer) ? (answer[0] as { message_id?: unknown }) : undefined
      if (first?.message_id == null) {
        throw new SmsSendError('semaphore: no message_id in the answer', false)
      }
      return { providerRef: `semaphore-${String(first.message_id)}` }
    },
  }
}
