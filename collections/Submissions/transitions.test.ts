import { describe, expect, it } from 'vitest'

import { canMoveReward } from '../Rewards/transitions'
import { fromStatuses, submissionTransitionError } from './transitions'

describe('submission transitions', () => {
  it('allows review decisions on open submissions', () => {
    expect(submissionTransitionError('needs_review', 'approved')).toBeUndefined()
    expect(submissionTransitionError('needs_review', 'rejected')).toBeUndefined()
    expect(submissionTransitionError('pending', 'auto_approved', 'system')).toBeUndefined()
    expect(submissionTransitionError('pending', 'needs_review', 'system')).toBeUndefined()
  })
  it('keeps staff and the scoring rules to their own decisions', () => {
    expect(submissionTransitionError('pending', 'auto_approved')).toMatch(/not a review decision/)
    expect(submissionTransitionError('needs_review', 'approved', 'system')).toMatch(/cannot set/)
    expect(fromStatuses('staff', 'approved')).toEqual(['needs_review', 'pending'])
    expect(fromStatuses('system', 'rejected')).toEqual(['pending'])
  })
  it('makes decisions final', () => {
    expect(submissionTransitionError('approved', 'rejected')).toMatch(/already approved/)
    expect(submissionTransitionError('auto_approved', 'rejected')).toMatch(/already auto-approved/)
    expect(submissionTransitionError('rejected', 'approved')).toMatch(
      /rejected; that decision is final/,
    )
    expect(submissionTransitionError('needs_review', 'pending')).toMatch(/not a review decision/)
  })
})

describe('reward transitions', () => {
  it('pays only from reserved or failed, and reverses only issued rewards', () => {
    expect(canMoveReward('reserved', 'issuing')).toBe(true)
    expect(canMoveReward('failed', 'issuing')).toBe(true)
    expect(canMoveReward('issuing', 'issued')).toBe(true)
    expect(canMoveReward('issued', 'issuing')).toBe(false)
    expect(canMoveReward('reserved', 'issued')).toBe(false)
    expect(canMoveReward('issued', 'reversed')).toBe(true)
    expect(canMoveReward('reversed', 'issuing')).toBe(false)
  })
})
