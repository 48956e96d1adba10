import { consoleSmsProvider } from './console'
import type { SmsProvider } from './types'

/** The SMS provider named by SMS_PROVIDER. */
export const getSmsProvider = (name = process.env.SMS_PROVIDER || 'console'): SmsProvider => {
  switch (name) {
    case 'console':
      return consoleSmsProvider()
    default:
      throw new Error(`SMS_PROVIDER "${name}" is not supported yet; use "console"`)
  }
}
