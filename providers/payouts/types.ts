/** One payout, keyed by an idempotency key derived from our reward and stored before sending. */
export type PayoutRequest = {
  rewardId: number
  /** Sent as the provider's idempotency key; the same on every attempt of one payout. */
  idempotencyKey: string
  /** Our reference for the payout (Xendit's `reference_id`); lookups search by it. */
  reference: string
  kind: 'gcash' | 'voucher'
  amount: number
  currency: 'PHP'
  /** The GCash mobile number (E.164) fixed when the reward was reserved. */
  account: string
  accountName: string
  description: string
  /** For voucher-pool rewards: the pool to take a code from. */
  voucherPool?: number
}

/**
 * What a provider says about one payout. `pending` settles later (webhook or reconciliation);
 * `not-found` (lookups only) means the provider never received it.
 */
export type PayoutState =
  | { status: 'succeeded'; providerRef: string; providerStatus?: string; voucherCode?: string }
  | { status: 'pending'; providerRef: string; providerStatus?: string }
  | {
      status: 'failed'
      providerRef?: string
      providerStatus?: string
      reason: string
      /** A later attempt may succeed (e.g. pool empty, balance too low). */
      retryable: boolean
    }
  | { status: 'reversed'; providerRef: string; providerStatus?: string }
  | { status: 'not-found' }

/**
 * The provider's answer was lost or ambiguous (timeout, connection reset, 5xx): the payout may
 * or may not exist. Never mark the reward failed on this; look it up before sending again.
 */
export class PayoutUnknown extends Error {
  override name = 'PayoutUnknown'
}

/** A webhook the provider sent, after its authenticity was checked. */
export type PayoutWebhook = {
  eventId?: string
  reference: string
  providerRef: string
  amount?: number
  currency?: string
  state: PayoutState
}

/** A webhook that must be refused: wrong token, or a body we cannot read. */
export class WebhookRejected extends Error {
  override name = 'WebhookRejected'
  constructor(
    message: string,
    readonly status: 400 | 401,
  ) {
    super(message)
  }
}

/** What a payout provider can do, so callers need not guess from its name. */
export type PayoutCapabilities = {
  kinds: readonly PayoutRequest['kind'][]
  /** `issue` settles immediately (no webhook, no pending state). */
  instantSettlement: boolean
  /** Sending the same idempotency key twice pays once. */
  idempotent: boolean
  /** `lookup` can find a payout by our reference. */
  lookup: boolean
  /** The provider calls us back (`parseWebhook`). */
  webhooks: boolean
}

/** Keeps a job's lock alive during a slow provider call. */
export type IssueContext = { touch?: () => Promise<void> }

/** Pays rewards out. One interface for every provider; one file per adapter. */
export interface PayoutProvider {
  readonly name: string
  readonly capabilities: PayoutCapabilities
  /** Sends the payout. Throws `PayoutUnknown` when the outcome cannot be known. */
  issue(request: PayoutRequest, context?: IssueContext): Promise<PayoutState>
  /** The provider's current view of the payout with this reference. */
  lookup(
    request: Pick<PayoutRequest, 'reference' | 'rewardId'> & { providerRef?: string | null },
  ): Promise<PayoutState>
  /** Authenticates and reads a webhook; throws `WebhookRejected`. */
  parseWebhook?(headers: Headers, rawBody: string): PayoutWebhook
}
