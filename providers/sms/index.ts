import { consoleSmsProvider } from './console'
import { semaphoreSmsProvider } from './semaphore'
import type { SmsProvider } from './types'
import { twilioSmsProvider } from './twilio'

/** The SMS providers SMS_PROVIDER can name. */
export const SMS_PROVIDERS = ['console', 'semaphore', 'twilio'] as const

/** The SMS provider named by SMS_PROVIDER. */
export const getSmsProvider = (name = process.env.SMS_PROVIDER || 'console'): SmsProvider => {
  switch (name) {
    case 'console':
      return consoleSmsProvider()
    case 'semaphore':
      return semaphoreSmsProvider()
    case 'twilio':
      return twilioSmsProvider()
    default:
      throw new Error(`SMS_PROVIDER "${name}" is not supported; use ${SMS_PROVIDERS.join(', ')}`)
  }
}
