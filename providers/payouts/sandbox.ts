import { createHash } from 'node:crypto'
import type { Payload } from 'payload'

import { query } from '../../src/lib/sql'
import type { PayoutProvider, PayoutState } from './types'

type SandboxRow = { provider_ref: string; voucher_code: string | null; kind: string }

const refFor = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16)

const stateOf = (row: SandboxRow): PayoutState => ({
  status: 'succeeded',
  providerRef: row.provider_ref,
  providerStatus: 'SUCCEEDED',
  voucherCode: row.voucher_code ?? undefined,
})

/**
 * Settles instantly, for development and demos. Its ledger is the `sandbox_payouts` table, so
 * every web and worker process agrees on what was paid; like a real provider it honours
 * idempotency keys (the same key returns the first payout and pays nothing more) and counts
 * every call it receives.
 */
export const sandboxPayoutProvider = (payload: Payload): PayoutProvider => ({
  name: 'sandbox',
  capabilities: {
    kinds: ['gcash', 'voucher'],
    instantSettlement: true,
    idempotent: true,
    lookup: true,
    webhooks: false,
  },
  async issue(request) {
    if (!(request.amount > 0)) {
      return { status: 'failed', reason: 'Amount must be positive', retryable: false }
    }
    const ref = refFor(request.idempotencyKey)
    const [row] = await query<SandboxRow>(
      { payload },
      `INSERT INTO sandbox_payouts
         (idempotency_key, reference, kind, amount, currency, account, provider_ref, voucher_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (idempotency_key) DO UPDATE SET calls = sandbox_payouts.calls + 1
       RETURNING provider_ref, voucher_code, kind`,
      [
        request.idempotencyKey,
        request.reference,
        request.kind,
        request.amount,
        request.currency,
        request.account,
        `sbx-${request.kind === 'voucher' ? 'v' : 'g'}-${ref}`,
        request.kind === 'voucher' ? `BAYA-${ref.slice(0, 8).toUpperCase()}` : null,
      ],
    )
    return stateOf(row)
  },
  async lookup({ reference }) {
    const [row] = await query<SandboxRow>(
      { payload },
      'SELECT provider_ref, voucher_code, kind FROM sandbox_payouts WHERE reference = $1 LIMIT 1',
      [reference],
    )
    return row ? stateOf(row) : { status: 'not-found' }
  },
})

/** What the sandbox paid, by our reference: payouts and the calls that reached it. */
export const sandboxPayouts = async (payload: Payload, reference?: string) =>
  query<{ reference: string; idempotency_key: string; calls: number; amount: string }>(
    { payload },
    reference === undefined
      ? 'SELECT reference, idempotency_key, calls, amount FROM sandbox_payouts'
      : 'SELECT reference, idempotency_key, calls, amount FROM sandbox_payouts WHERE reference = $1',
    reference === undefined ? [] : [reference],
  )
