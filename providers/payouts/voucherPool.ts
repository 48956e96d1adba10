import type { Payload } from 'payload'

import { assignVoucherCode } from '../../collections/VoucherPools/operations/assignVoucherCode'
import { query } from '../../src/lib/sql'
import type { PayoutProvider } from './types'

/** The reason a voucher reward waits: staff see it on the reward and refill the pool. */
export const POOL_EMPTY = 'pool empty'

/**
 * Pays voucher rewards with a code from the task's pool, assigned atomically (see
 * `assignVoucherCode`): a code goes to one reward only, and a reward keeps the code it got.
 */
export const voucherPoolProvider = (payload: Payload): PayoutProvider => ({
  name: 'voucher-pool',
  capabilities: {
    kinds: ['voucher'],
    instantSettlement: true,
    idempotent: true,
    lookup: true,
    webhooks: false,
  },
  async issue(request) {
    if (!request.voucherPool) {
      return { status: 'failed', reason: 'This reward has no voucher pool', retryable: false }
    }
    const code = await assignVoucherCode(payload, request.voucherPool, request.rewardId)
    if (!code) return { status: 'failed', reason: POOL_EMPTY, retryable: false }
    return { status: 'succeeded', providerRef: `pool-${code.id}`, voucherCode: code.code }
  },
  async lookup({ rewardId }) {
    const [row] = await query<{ id: number; code: string }>(
      { payload },
      'SELECT id, code FROM voucher_codes WHERE reward_id = $1',
      [rewardId],
    )
    return row
      ? { status: 'succeeded', providerRef: `pool-${row.id}`, voucherCode: row.code }
      : { status: 'not-found' }
  },
})
