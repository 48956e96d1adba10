import { postToProvider } from './http'
import { SmsSendError, type SmsProvider } from './types'

/** Twilio Programmable Messaging: `POST /2010-04-01/Accounts/{sid}/Messages.json`, Basic auth. */
export const twilioSmsProvider = (
  options: { accountSid?: string; authToken?: string; from?: string; baseUrl?: string } = {},
): SmsProvider => {
  const accountSid = options.accountSid ?? process.env.TWILIO_ACCOUNT_SID
  const authToken = options.authToken ?? process.env.TWILIO_AUTH_TOKEN
  const from = options.from ?? process.env.TWILIO_FROM
  const baseUrl = (
    options.baseUrl ??
    process.env.TWILIO_BASE_URL ??
    'https://api.twilio.com'
  ).replace(/\/$/, '')
  if (!accountSid || !authToken || !from) {
    throw new Error(
      'SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM',
    )
  }
  const auth = Buffer.from(`${accountSid}:${authToken}`).toString('base64')
  return {
    name: 'twilio',
    async send({ to, body }) {
      const form = new URLSearchParams({ To: to, Body: body })
      // A Messaging Service SID (MG…) goes as MessagingServiceSid, a number as From.
      form.set(from.startsWith('MG') ? 'MessagingServiceSid' : 'From', from)
      const answer = (await postToProvider(
        'twilio',
        `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`,
        {
          headers: {
            authorization: `Basic ${auth}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: form.toString(),
        },
      )) as { sid?: unknown }
      if (typeof answer?.sid !== 'string')
        throw new SmsSendError('twilio: no sid in the answer', false)
      return { providerRef: answer.sid }
    },
  }
}
