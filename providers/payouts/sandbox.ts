import { createHash } from 'node:crypto'

import type { PayoutProvider, PayoutResult } from './types'

const LEDGER_KEY = Symbol.for('bayanet.sandboxPayouts')
type Holder = { [LEDGER_KEY]?: Map<string, PayoutResult> }

/** Payouts the sandbox has accepted in this process, by idempotency key. */
export const sandboxLedger = (): Map<string, PayoutResult> => {
  const holder = globalThis as Holder
  return (holder[LEDGER_KEY] ??= new Map())
}

const refFor = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16)

/**
 * Settles instantly and in-process, for development and demos. Like a real provider it
 * honours idempotency keys: the same key returns the first result and pays nothing more.
 */
export const sandboxPayoutProvider = (): PayoutProvider => ({
  name: 'sandbox',
  capabilities: { kinds: ['gcash', 'voucher'], instantSettlement: true, idempotent: true },
  async send(request) {
    const ledger = sandboxLedger()
    const earlier = ledger.get(request.idempotencyKey)
    if (earlier) return earlier
    if (!(request.amount > 0)) {
      return { status: 'failed', reason: 'Amount must be positive', retryable: false }
    }
    const ref = refFor(request.idempotencyKey)
    const result: PayoutResult =
      request.kind === 'voucher'
        ? {
            status: 'succeeded',
            providerRef: `sbx-v-${ref}`,
            voucherCode: `BAYA-${ref.slice(0, 8).toUpperCase()}`,
          }
        : { status: 'succeeded', providerRef: `sbx-g-${ref}` }
    ledger.set(request.idempotencyKey, result)
    return result
  },
})
