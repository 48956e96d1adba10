import { describe, expect, it } from 'vitest'

import { clientKey } from './clientKey'

describe('clientKey', () => {
  it('keys IPv4 by address, also when written IPv4-mapped', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey(undefined)).toBe('unknown')
  })

  it('keys IPv6 by its /64, however the address is written', () => {
    const key = clientKey('2001:db8:1234:5678::1')
    expect(key).toBe('2001:db8:1234:5678::/64')
    expect(clientKey('2001:0db8:1234:5678:ffff:eeee:dddd:cccc')).toBe(key)
    expect(clientKey('2001:DB8:1234:5678:0:0:0:2')).toBe(key)
    expect(clientKey('2001:db8:1234:5679::1')).not.toBe(key)
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
  })
})
