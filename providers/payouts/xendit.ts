import { createHash, timingSafeEqual } from 'node:crypto'

import {
  PayoutUnknown,
  WebhookRejected,
  type PayoutProvider,
  type PayoutRequest,
  type PayoutState,
  type PayoutWebhook,
} from './types'

/** Settings for the Xendit adapter (see README: XENDIT_*). */
export type XenditConfig = {
  baseUrl: string
  secretKey: string
  callbackToken?: string
  /** Give up waiting for an answer after this long; the outcome is then unknown. */
  timeoutMs?: number
}

/** A payout as Xendit's v2 Payouts API returns it (the fields we read). */
export type XenditPayout = {
  id: string
  reference_id: string
  amount: number
  currency: string
  channel_code: string
  status: string
  failure_code?: string
}

const PENDING = ['ACCEPTED', 'REQUESTED', 'PENDING_COMPLIANCE_ASSESSMENT', 'LOCKED', 'READY']
const FAILED = ['FAILED', 'CANCELLED', 'EXPIRED', 'COMPLIANCE_REJECTED']

/** Our view of a Xendit payout status. */
export const stateOfPayout = (payout: XenditPayout): PayoutState => {
  const base = { providerRef: payout.id, providerStatus: payout.status }
  if (payout.status === 'SUCCEEDED') return { status: 'succeeded', ...base }
  if (payout.status === 'REVERSED') return { status: 'reversed', ...base }
  if (FAILED.includes(payout.status)) {
    return {
      status: 'failed',
      ...base,
      reason: `Xendit ${payout.status}${payout.failure_code ? `: ${payout.failure_code}` : ''}`,
      retryable: false,
    }
  }
  if (PENDING.includes(payout.status)) return { status: 'pending', ...base }
  throw new PayoutUnknown(`unknown Xendit payout status ${payout.status}`)
}

/** GCash takes the local 11-digit form of a Philippine mobile number. */
export const gcashAccountNumber = (e164: string) => e164.replace(/^\+63/, '0')

/** Of several payouts with one reference, the one that decides: money moved beats pending. */
const decisive = (payouts: XenditPayout[]) =>
  payouts.find((p) => p.status === 'REVERSED') ??
  payouts.find((p) => p.status === 'SUCCEEDED') ??
  payouts.find((p) => PENDING.includes(p.status)) ??
  payouts[0]

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())

/**
 * GCash payouts through Xendit's v2 Payouts API: `POST /v2/payouts` with Basic auth, an
 * `Idempotency-key` stored on the reward before the first attempt, `reference_id` naming the
 * reward's payout, channel `PH_GCASH`. Xendit answers a reused key with 409 DUPLICATE_ERROR,
 * so a resend becomes a lookup. Timeouts, resets and 5xx are "unknown", never "failed".
 */
export const xenditPayoutProvider = (config: XenditConfig): PayoutProvider => {
  const auth = `Basic ${Buffer.from(`${config.secretKey}:`).toString('base64')}`
  const call = async (method: string, path: string, init: RequestInit = {}) => {
    try {
      return await fetch(new URL(path, config.baseUrl), {
        method,
        ...init,
        headers: { authorization: auth, ...(init.headers as Record<string, string>) },
        signal: AbortSignal.timeout(config.timeoutMs ?? 30_000),
      })
    } catch (err) {
      throw new PayoutUnknown(`Xendit did not answer: ${(err as Error).message}`)
    }
  }
  const readJson = async (res: Response) => {
    try {
      return (await res.json()) as Record<string, unknown>
    } catch {
      throw new PayoutUnknown(`Xendit answered ${res.status} without JSON`)
    }
  }

  const lookup: PayoutProvider['lookup'] = async ({ reference, providerRef }) => {
    const res = providerRef
      ? await call('GET', `/v2/payouts/${encodeURIComponent(providerRef)}`)
      : await call('GET', `/v2/payouts?reference_id=${encodeURIComponent(reference)}`)
    if (res.status === 404) return { status: 'not-found' }
    if (!res.ok) throw new PayoutUnknown(`Xendit lookup answered ${res.status}`)
    const body = await readJson(res)
    const payouts = (
      Array.isArray(body) ? body : providerRef ? [body] : (body.data ?? [])
    ) as XenditPayout[]
    // A payout under another reference belongs to an earlier, dead attempt: not this one.
    const ours = payouts.filter((p) => !p.reference_id || p.reference_id === reference)
    if (!ours.length) return { status: 'not-found' }
    return stateOfPayout(decisive(ours))
  }

  return {
    name: 'xendit',
    capabilities: {
      kinds: ['gcash'],
      instantSettlement: false,
      idempotent: true,
      lookup: true,
      webhooks: true,
    },
    async issue(request: PayoutRequest) {
      const res = await call('POST', '/v2/payouts', {
        headers: { 'content-type': 'application/json', 'idempotency-key': request.idempotencyKey },
        body: JSON.stringify({
          reference_id: request.reference,
          channel_code: 'PH_GCASH',
          channel_properties: {
            account_number: gcashAccountNumber(request.account),
            account_holder_name: request.accountName,
          },
          amount: request.amount,
          currency: request.currency,
          description: request.description,
        }),
      })
      if (res.status >= 500) throw new PayoutUnknown(`Xendit answered ${res.status}`)
      const body = await readJson(res)
      if (res.ok) return stateOfPayout(body as unknown as XenditPayout)
      const code = String(body.error_code ?? '')
      if (res.status === 409 && code === 'DUPLICATE_ERROR') {
        // This key was sent before (our earlier attempt got through): read what it made.
        const found = await lookup({ reference: request.reference, rewardId: request.rewardId })
        if (found.status === 'not-found')
          throw new PayoutUnknown('Xendit: duplicate key, no payout')
        return found
      }
      const reason = `Xendit ${res.status} ${code}: ${String(body.message ?? '')}`.slice(0, 500)
      const permanent = res.status === 400 && code !== 'INSUFFICIENT_BALANCE'
      return { status: 'failed', reason, retryable: !permanent }
    },
    lookup,
    parseWebhook(headers, rawBody): PayoutWebhook {
      const token = headers.get('x-callback-token') ?? ''
      if (!config.callbackToken || !sameSecret(token, config.callbackToken)) {
        throw new WebhookRejected('The x-callback-token does not match.', 401)
      }
      let body: { event?: string; id?: string; data?: XenditPayout } & Partial<XenditPayout>
      try {
        body = JSON.parse(rawBody)
      } catch {
        throw new WebhookRejected('The webhook body is not JSON.', 400)
      }
      const payout = (body.data ?? body) as XenditPayout
      if (typeof payout?.id !== 'string' || typeof payout.reference_id !== 'string') {
        throw new WebhookRejected('The webhook has no payout id and reference_id.', 400)
      }
      let state: PayoutState
      try {
        state = stateOfPayout(payout)
      } catch (err) {
        throw new WebhookRejected((err as Error).message, 400)
      }
      return {
        eventId: typeof body.id === 'string' ? body.id : undefined,
        reference: payout.reference_id,
        providerRef: payout.id,
        amount: typeof payout.amount === 'number' ? payout.amount : undefined,
        currency: payout.currency,
        state,
      }
    },
  }
}
