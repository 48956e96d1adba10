import { describe, expect, it } from 'vitest'

import { canMoveReward } from '../Rewards/transitions'
import { submissionTransitionError } from './transitions'

describe('submission transitions', () => {
  it('allows review decisions on open submissions', () => {
    expect(submissionTransitionError('needs_review', 'approved')).toBeUndefined()
    expect(submissionTransitionError('needs_review', 'rejected')).toBeUndefined()
    expect(submissionTransitionError('pending', 'auto_approved')).toBeUndefined()
  })
  it('makes decisions final', () => {
    expect(submissionTransitionError('approved', 'rejected')).toMatch(/already approved/)
    expect(submissionTransitionError('auto_approved', 'rejected')).toMatch(/already auto-approved/)
    expect(submissionTransitionError('rejected', 'approved')).toMatch(/final/)
    expect(submissionTransitionError('needs_review', 'pending')).toMatch(/cannot go/)
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
