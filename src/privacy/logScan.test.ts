import { describe, expect, it } from 'vitest'

import { scanLog } from './logScan'

describe('scanLog', () => {
  it('finds full phone numbers in every spelling, JWTs and codes next to "code"', () => {
    const log = [
      'otp sent to +639171234567',
      'gcash 09171234567 ok',
      'token eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwiY29sbGVjdGlvbiI6InJlc2lkZW50cyJ9.abcDEF123_-xyz',
      '{"phone":"+63917•••4567","code":"493021"}',
      'Your Bayanet code is 493021',
    ].join('\n')
    expect(scanLog(log).map((f) => [f.kind, f.line])).toEqual([
      ['phone', 1],
      ['phone', 2],
      ['jwt', 3],
      ['code', 4],
      ['code', 5],
    ])
    // The report masks what it found.
    expect(JSON.stringify(scanLog(log))).not.toContain('1234567')
  })

  it('leaves masked numbers, ids, ports and timestamps alone', () => {
    const log = [
      'otp sent to +63917•••4567',
      'reward 123456 issued in 20261127 at 127.0.0.1:41234',
      'POST /api/residents/otp/verify 401',
    ].join('\n')
    expect(scanLog(log)).toEqual([])
  })
})
