import { randomUUID } from 'node:crypto'

import { maskPhone } from '../../src/lib/phone'
import type { SmsProvider } from './types'

/**
 * For development and tests: prints a masked line and nothing else. The message itself stays
 * in the admin-only `sms-outbox` collection, never in logs.
 */
export const consoleSmsProvider = (log: (line: string) => void = console.log): SmsProvider => ({
  name: 'console',
  async send({ to, body }) {
    const providerRef = `console-${randomUUID()}`
    log(
      `[sms:console] ${body.length} characters to ${maskPhone(to)} (${providerRef}); read it in the SMS outbox`,
    )
    return { providerRef }
  },
})
