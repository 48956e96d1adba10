import { describe, expect, it } from 'vitest'

import { DEFAULT_SETTINGS as S } from '../settings'
import { cleanContext, hoursBeforeSent } from '../testContext'
import { captureTime } from './captureTime'

const takenAt = (capturedAt: string | null) =>
  cleanContext({ photo: { capturedAt, hash: 'be9c99a56512aa59' } })

describe('capture time rule', () => {
  it('accepts a photo taken shortly before it was sent', () => {
    expect(captureTime(takenAt(hoursBeforeSent(2)), S)).toEqual([])
  })
  it('flags a photo taken before the task started, with both dates (Manila time)', () => {
    const [reason] = captureTime(takenAt('2026-10-30T20:00:00.000Z'), S)
    expect(reason).toMatchObject({ rule: 'capture_time', points: 30 })
    expect(reason.en).toBe(
      'The photo was taken on 2026-10-31, before the task started (2026-11-01).',
    )
  })
  it('flags a photo taken a week or more before it was submitted', () => {
    const [reason] = captureTime(takenAt(hoursBeforeSent(24 * 8)), S)
    expect(reason).toMatchObject({ points: 20 })
    expect(reason.en).toMatch(/^The photo was taken 8 days before it was submitted/)
    expect(captureTime(takenAt(hoursBeforeSent(24 * 6)), S)).toEqual([])
  })
  it('flags a capture time after the submission (a changed camera clock)', () => {
    expect(captureTime(takenAt(hoursBeforeSent(-1)), S)).toMatchObject([{ points: 15 }])
  })
  it('notes, without points, a photo without a capture time; ignores no photo', () => {
    expect(captureTime(takenAt(null), S)).toMatchObject([{ points: 0 }])
    expect(captureTime(cleanContext({ photo: null }), S)).toEqual([])
  })
})
