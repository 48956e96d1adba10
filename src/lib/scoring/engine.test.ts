import { describe, expect, it } from 'vitest'

import { routeFor, scoreSubmission } from './engine'
import { cleanContext, hoursBeforeSent } from './testContext'

describe('scoring engine', () => {
  it('scores a clean submission 0 with no reasons', () => {
    expect(scoreSubmission(cleanContext(), { approveBelow: 20, rejectAbove: null })).toEqual({
      score: 0,
      reasons: [],
      route: 'auto_approve',
    })
  })
  it('decides nothing automatically for a task without thresholds', () => {
    expect(scoreSubmission(cleanContext()).route).toBe('review')
  })
  it('adds the points of every rule, highest first, and caps the score at 100', () => {
    const ctx = cleanContext({
      duplicates: [{ submission: 1, resident: 2, distance: 0 }],
      sharing: { deviceId: 'd', residentsOnDevice: 5, residentsOnIp: 20 },
      velocity: { lastHour: 20, thisTaskLastHour: 5 },
    })
    const verdict = scoreSubmission(ctx)
    expect(verdict.score).toBe(100)
    expect(verdict.reasons.map((r) => r.points)).toEqual([60, 40, 40, 20, 15])
    for (const reason of verdict.reasons) {
      expect(reason.en.length).toBeGreaterThan(10)
      expect(reason.fil.length).toBeGreaterThan(10)
      expect(reason.fil).not.toBe(reason.en)
    }
  })
  it('routes below approveBelow to auto-approve, between to review, above rejectAbove to auto-reject', () => {
    const t = { approveBelow: 20, rejectAbove: 60 }
    expect(routeFor(0, t)).toBe('auto_approve')
    expect(routeFor(19, t)).toBe('auto_approve')
    expect(routeFor(20, t)).toBe('review')
    expect(routeFor(60, t)).toBe('review')
    expect(routeFor(61, t)).toBe('auto_reject')
  })
  it('never rejects automatically when the task says so (rejectAbove empty)', () => {
    expect(routeFor(100, { approveBelow: 20, rejectAbove: null })).toBe('review')
  })
  it('routes a new account that changed barangay today to review', () => {
    const ctx = cleanContext()
    ctx.resident = {
      ...ctx.resident,
      createdAt: hoursBeforeSent(2),
      homeBarangayChangedAt: hoursBeforeSent(1),
    }
    expect(scoreSubmission(ctx, { approveBelow: 20, rejectAbove: 60 })).toMatchObject({
      score: 35,
      route: 'review',
    })
  })
})
