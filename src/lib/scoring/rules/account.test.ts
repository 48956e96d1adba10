import { describe, expect, it } from 'vitest'

import { DEFAULT_SETTINGS as S } from '../settings'
import { cleanContext, hoursBeforeSent } from '../testContext'
import { account } from './account'

const resident = (createdAt: string, homeBarangayChangedAt: string | null = null) => {
  const ctx = cleanContext()
  ctx.resident = { ...ctx.resident, createdAt, homeBarangayChangedAt }
  return ctx
}

describe('account rule', () => {
  it('says nothing for an account older than a day with a settled barangay', () => {
    expect(account(resident(hoursBeforeSent(25), hoursBeforeSent(100)), S)).toEqual([])
  })
  it('flags an account made less than a day before', () => {
    const [reason] = account(resident(hoursBeforeSent(3)), S)
    expect(reason).toMatchObject({ rule: 'new_account', points: 10 })
    expect(reason.en).toBe('New account: created 3 hours before this submission.')
    expect(account(resident(hoursBeforeSent(0.2)), S)[0].fil).toContain('wala pang isang oras')
  })
  it('flags a home barangay changed within three days before submitting', () => {
    const [reason] = account(resident(hoursBeforeSent(1000), hoursBeforeSent(5)), S)
    expect(reason).toMatchObject({ rule: 'barangay_changed', points: 25 })
    expect(reason.en).toBe('The home barangay was changed 5 hours before this submission.')
  })
  it('ignores a change made after the submission', () => {
    expect(account(resident(hoursBeforeSent(1000), hoursBeforeSent(-2)), S)).toEqual([])
  })
})
