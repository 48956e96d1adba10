import { describe, expect, it } from 'vitest'

import { maskPhone, normalizePhMobile } from './phone'

describe('normalizePhMobile', () => {
  it.each([
    ['09171234567', '+639171234567'],
    ['+63 917 123 4567', '+639171234567'],
    ['639171234567', '+639171234567'],
    ['(0917) 123-4567', '+639171234567'],
  ])('reads %s as %s', (input, expected) => expect(normalizePhMobile(input)).toBe(expected))

  it.each([
    '',
    '12345',
    '+14155550123',
    '0817123456',
    '091712345678',
    '02 8123 4567',
    '+639001234567',
    42,
  ])('rejects %s', (input) => expect(normalizePhMobile(input)).toBeUndefined())
})

describe('maskPhone', () => {
  it('keeps no more than the prefix and the last two digits', () => {
    const masked = maskPhone('+639171234567')
    expect(masked).toBe('+63917*****67')
    expect(masked).not.toContain('12345')
  })
})
