import { describe, expect, it } from 'vitest'

import { DEFAULT_SETTINGS as S } from '../settings'
import { cleanContext } from '../testContext'
import { velocity } from './velocity'

describe('velocity rule', () => {
  it('allows up to 5 submissions an hour and 2 to one task', () => {
    expect(velocity(cleanContext({ velocity: { lastHour: 5, thisTaskLastHour: 2 } }), S)).toEqual(
      [],
    )
  })
  it('flags a 6th submission in an hour, and more points the faster it goes, up to 40', () => {
    const six = velocity(cleanContext({ velocity: { lastHour: 6, thisTaskLastHour: 1 } }), S)
    const nine = velocity(cleanContext({ velocity: { lastHour: 9, thisTaskLastHour: 1 } }), S)
    const fifty = velocity(cleanContext({ velocity: { lastHour: 50, thisTaskLastHour: 1 } }), S)
    expect(six).toMatchObject([{ rule: 'velocity', points: 15 }])
    expect(six[0].en).toBe('6 submissions from this resident in the past hour (more than 5).')
    expect(nine[0].points).toBe(30)
    expect(fifty[0].points).toBe(40)
  })
  it('flags quick retries on one task', () => {
    const [reason] = velocity(cleanContext({ velocity: { lastHour: 3, thisTaskLastHour: 3 } }), S)
    expect(reason).toMatchObject({ rule: 'velocity', points: 20 })
    expect(reason.fil).toContain('sa task na ito')
  })
})
