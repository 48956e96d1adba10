import type { Payload } from 'payload'

import { ConfigError } from '../../src/env'
import { sandboxPayoutProvider } from './sandbox'
import type { PayoutProvider } from './types'
import { voucherHttpProvider } from './voucherHttp'
import { voucherPoolProvider } from './voucherPool'
import { xenditPayoutProvider } from './xendit'

/** GCash providers PAYOUT_PROVIDER may name. */
export const GCASH_PROVIDERS = ['sandbox', 'xendit'] as const
/** Voucher providers VOUCHER_PROVIDER may name (a task with a voucher pool always uses the pool). */
export const VOUCHER_PROVIDERS = ['sandbox', 'voucher-http'] as const

/** The payout providers this process can use, by name. */
export type PayoutProviders = {
  get: (name: string) => PayoutProvider | undefined
  all: () => PayoutProvider[]
}

/**
 * Every provider configured in the environment. A reward names its provider when it is
 * reserved, so a worker pays it with that one even if the defaults change meanwhile.
 */
export const getPayoutProviders = (
  payload: Payload,
  env: NodeJS.ProcessEnv = process.env,
): PayoutProviders => {
  const list: PayoutProvider[] = [sandboxPayoutProvider(payload), voucherPoolProvider(payload)]
  if (env.XENDIT_SECRET_KEY) list.push(xenditFromEnv(env))
  if (env.VOUCHER_HTTP_BASE_URL) {
    list.push(
      voucherHttpProvider({ baseUrl: env.VOUCHER_HTTP_BASE_URL, apiKey: env.VOUCHER_HTTP_API_KEY }),
    )
  }
  const byName = new Map(list.map((p) => [p.name, p]))
  return { get: (name) => byName.get(name), all: () => list }
}

/** The Xendit adapter as the environment configures it (see README: XENDIT_*). */
export const xenditFromEnv = (env: NodeJS.ProcessEnv = process.env) =>
  xenditPayoutProvider({
    baseUrl: env.XENDIT_BASE_URL || 'https://api.xendit.co',
    secretKey: env.XENDIT_SECRET_KEY ?? '',
    callbackToken: env.XENDIT_CALLBACK_TOKEN,
    timeoutMs: Number(env.XENDIT_TIMEOUT_MS) || undefined,
  })

/** Which provider a new reward of `kind` uses (fixed on the reward at reservation). */
export const providerForNewReward = (
  kind: 'gcash' | 'voucher',
  { voucherPool }: { voucherPool?: number | null } = {},
  env: NodeJS.ProcessEnv = process.env,
): string => {
  if (kind === 'voucher') {
    if (voucherPool) return 'voucher-pool'
    const name = env.VOUCHER_PROVIDER || 'sandbox'
    if (!(VOUCHER_PROVIDERS as readonly string[]).includes(name)) {
      throw new ConfigError(`VOUCHER_PROVIDER must be one of ${VOUCHER_PROVIDERS.join(', ')}`)
    }
    return name
  }
  const name = env.PAYOUT_PROVIDER || 'sandbox'
  if (!(GCASH_PROVIDERS as readonly string[]).includes(name)) {
    throw new ConfigError(`PAYOUT_PROVIDER must be one of ${GCASH_PROVIDERS.join(', ')}`)
  }
  return name
}
