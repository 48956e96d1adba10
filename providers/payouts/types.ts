/** One payout, keyed by an idempotency key derived from our reward. */
export type PayoutRequest = {
  idempotencyKey: string
  kind: 'gcash' | 'voucher'
  amount: number
  currency: 'PHP'
  /** The GCash mobile number (E.164) for `gcash`; the resident's phone for vouchers. */
  account: string
  description: string
}

/** The provider's answer. `pending` settles later through a webhook or reconciliation. */
export type PayoutResult =
  | { status: 'succeeded'; providerRef: string; voucherCode?: string }
  | { status: 'pending'; providerRef: string }
  | { status: 'failed'; providerRef?: string; reason: string; retryable: boolean }

/** What a payout provider can do, so callers need not guess from its name. */
export type PayoutCapabilities = {
  kinds: readonly PayoutRequest['kind'][]
  /** Settles inside `send`, with no webhook. */
  instantSettlement: boolean
  /** Sending the same idempotency key twice pays once. */
  idempotent: boolean
}

/** Pays rewards out. One adapter per provider. */
export interface PayoutProvider {
  readonly name: string
  readonly capabilities: PayoutCapabilities
  send(request: PayoutRequest): Promise<PayoutResult>
}
