import { describe, expect, it } from 'vitest'

import { WebhookRejected } from './types'
import { gcashAccountNumber, stateOfPayout, xenditPayoutProvider } from './xendit'

const payout = (status: string, extra = {}) => ({
  id: 'disb-1',
  reference_id: 'bayanet-reward-7',
  amount: 25,
  currency: 'PHP',
  channel_code: 'PH_GCASH',
  status,
  ...extra,
})

describe('the Xendit adapter', () => {
  it("maps Xendit's payout statuses onto ours", () => {
    expect(stateOfPayout(payout('ACCEPTED')).status).toBe('pending')
    expect(stateOfPayout(payout('REQUESTED')).status).toBe('pending')
    expect(stateOfPayout(payout('SUCCEEDED')).status).toBe('succeeded')
    expect(stateOfPayout(payout('REVERSED')).status).toBe('reversed')
    expect(stateOfPayout(payout('CANCELLED'))).toMatchObject({ status: 'failed', retryable: false })
    expect(stateOfPayout(payout('FAILED', { failure_code: 'INVALID_DESTINATION' }))).toMatchObject({
      status: 'failed',
      reason: 'Xendit FAILED: INVALID_DESTINATION',
    })
  })

  it('sends GCash numbers in their local form', () => {
    expect(gcashAccountNumber('+639171234567')).toBe('09171234567')
  })

  it('refuses a webhook whose token is wrong, missing or of another length', () => {
    const provider = xenditPayoutProvider({
      baseUrl: 'http://127.0.0.1:1',
      secretKey: 'k',
      callbackToken: 'secret-token',
    })
    const body = JSON.stringify({ event: 'payout.succeeded', data: payout('SUCCEEDED') })
    for (const token of ['wrong-token!', '', 'secret-toke', 'secret-token-and-more']) {
      const headers = new Headers(token ? { 'x-callback-token': token } : {})
      expect(() => provider.parseWebhook!(headers, body)).toThrow(WebhookRejected)
    }
    const ok = provider.parseWebhook!(new Headers({ 'x-callback-token': 'secret-token' }), body)
    expect(ok).toMatchObject({ reference: 'bayanet-reward-7', providerRef: 'disb-1', amount: 25 })
    expect(ok.state.status).toBe('succeeded')
  })

  it('refuses every webhook when no callback token is configured', () => {
    const provider = xenditPayoutProvider({ baseUrl: 'http://127.0.0.1:1', secretKey: 'k' })
    const headers = new Headers({ 'x-callback-token': '' })
    expect(() => provider.parseWebhook!(headers, '{}')).toThrow(/does not match/)
  })
})
