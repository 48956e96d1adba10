import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { sandboxLedger, sandboxPayoutProvider } from './sandbox'

const request = (idempotencyKey: string, kind: 'gcash' | 'voucher' = 'gcash') => ({
  idempotencyKey,
  kind,
  amount: 25,
  currency: 'PHP' as const,
  account: '+639171234567',
  description: 'test',
})

describe('the sandbox payout provider', () => {
  it('pays an idempotency key once, however often it is sent', async () => {
    const provider = sandboxPayoutProvider()
    const key = `test-${randomUUID()}`
    const first = await provider.send(request(key))
    const second = await provider.send(request(key))
    expect(first).toEqual(second)
    expect(first.status).toBe('succeeded')
    expect([...sandboxLedger().keys()].filter((k) => k === key)).toHaveLength(1)
  })

  it('issues a voucher code for voucher rewards, and refuses non-positive amounts', async () => {
    const provider = sandboxPayoutProvider()
    const voucher = await provider.send(request(`test-${randomUUID()}`, 'voucher'))
    expect(voucher).toMatchObject({
      status: 'succeeded',
      voucherCode: expect.stringMatching(/^BAYA-/),
    })
    const zero = await provider.send({ ...request(`test-${randomUUID()}`), amount: 0 })
    expect(zero).toMatchObject({ status: 'failed', retryable: false })
  })
})
