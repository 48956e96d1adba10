import type { PayloadRequest } from 'payload'
import React from 'react'

import { POOL_EMPTY } from '../../../providers/payouts/voucherPool'
import { asStaff } from '../../access/roles'

type Props = { id?: number | string; payload: PayloadRequest['payload']; req: PayloadRequest }

const panel = (low: boolean): React.CSSProperties => ({
  border: `1px solid ${low ? '#c1121f' : 'var(--theme-elevation-150)'}`,
  background: low ? '#fff1f1' : 'var(--theme-elevation-0)',
  borderRadius: 8,
  padding: '12px 14px',
  marginBottom: 24,
})

/**
 * On a voucher pool's page: how many codes remain, a warning when that is below the pool's
 * low-water mark, and how many rewards are waiting for codes (they failed with "pool empty";
 * staff retry them once codes are imported). Read with the viewer's access.
 */
export const PoolStock = async ({ id, payload, req }: Props) => {
  const staff = asStaff(req.user)
  if (!id || !staff) return null
  const as = { overrideAccess: false, user: staff } as const
  const pool = await payload
    .findByID({ collection: 'voucher-pools', id, depth: 0, ...as })
    .catch(() => null)
  if (!pool) return null
  const remaining = pool.remaining ?? 0
  const low = Boolean(pool.low)
  const waiting = (
    await payload.count({
      collection: 'rewards',
      where: {
        and: [
          { voucherPool: { equals: pool.id } },
          { status: { equals: 'failed' } },
          { lastError: { equals: POOL_EMPTY } },
        ],
      },
      ...as,
    })
  ).totalDocs
  return (
    <div style={panel(low)} data-testid="pool-stock">
      <div style={{ fontSize: 30, fontWeight: 700, lineHeight: 1.1 }} data-testid="pool-remaining">
        {remaining.toLocaleString('en-PH')}
      </div>
      <div style={{ fontWeight: 600 }}>{remaining === 1 ? 'code left' : 'codes left'}</div>
      {low && (
        <p role="alert" style={{ color: '#a4161a', fontWeight: 600, margin: '8px 0 0' }}>
          {remaining === 0 ? 'The pool is empty' : 'Running low'}: fewer than{' '}
          {pool.lowWatermark ?? 0} codes left. Paste more codes below and save.
        </p>
      )}
      {waiting > 0 && (
        <p style={{ margin: '8px 0 0' }}>
          <a
            href={`/admin/collections/rewards?where[voucherPool][equals]=${pool.id}&where[status][equals]=failed`}
          >
            {waiting} {waiting === 1 ? 'reward is' : 'rewards are'} waiting for codes
          </a>
          : after importing, retry each from its page.
        </p>
      )}
    </div>
  )
}

export default PoolStock
