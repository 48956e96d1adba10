import { PayoutUnknown, type PayoutProvider, type PayoutState } from './types'

/** Settings for a generic voucher-issuing HTTP API (see README: VOUCHER_HTTP_*). */
export type VoucherHttpConfig = { baseUrl: string; apiKey?: string; timeoutMs?: number }

type Voucher = { id: string; code: string; reference: string; status?: string }

const stateOf = (v: Voucher): PayoutState =>
  v.status === 'void' || v.status === 'cancelled'
    ? { status: 'failed', providerRef: v.id, reason: `voucher ${v.status}`, retryable: false }
    : { status: 'succeeded', providerRef: v.id, providerStatus: v.status, voucherCode: v.code }

/**
 * A generic voucher API: `POST {base}/vouchers {reference, amount, currency, recipient}` with an
 * `Idempotency-Key` header returns `{id, code, reference, status}`; the same key returns the same
 * voucher. `GET {base}/vouchers?reference=` finds it again. Timeouts and 5xx are "unknown".
 */
export const voucherHttpProvider = (config: VoucherHttpConfig): PayoutProvider => {
  const call = async (path: string, init: RequestInit = {}) => {
    try {
      return await fetch(new URL(path, config.baseUrl), {
        ...init,
        headers: {
          ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
          ...(init.headers as Record<string, string>),
        },
        signal: AbortSignal.timeout(config.timeoutMs ?? 20_000),
      })
    } catch (err) {
      throw new PayoutUnknown(`voucher API did not answer: ${(err as Error).message}`)
    }
  }
  return {
    name: 'voucher-http',
    capabilities: {
      kinds: ['voucher'],
      instantSettlement: true,
      idempotent: true,
      lookup: true,
      webhooks: false,
    },
    async issue(request) {
      const res = await call('/vouchers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': request.idempotencyKey },
        body: JSON.stringify({
          reference: request.reference,
          amount: request.amount,
          currency: request.currency,
          recipient: request.account,
        }),
      })
      if (res.status >= 500) throw new PayoutUnknown(`voucher API answered ${res.status}`)
      const body = (await res.json().catch(() => ({}))) as Voucher & { message?: string }
      if (res.ok) return stateOf(body)
      return {
        status: 'failed',
        reason: `voucher API ${res.status}: ${body.message ?? ''}`.slice(0, 500),
        retryable: res.status === 429 || res.status === 409 || res.status === 422,
      }
    },
    async lookup({ reference }) {
      const res = await call(`/vouchers?reference=${encodeURIComponent(reference)}`)
      if (res.status === 404) return { status: 'not-found' }
      if (!res.ok) throw new PayoutUnknown(`voucher API lookup answered ${res.status}`)
      const body = (await res.json()) as { data?: Voucher[] }
      const found = body.data?.[0]
      return found ? stateOf(found) : { status: 'not-found' }
    },
  }
}
