import { describe, expect, it } from 'vitest'

import { DEFAULT_SETTINGS as S } from '../settings'
import { cleanContext } from '../testContext'
import { location } from './location'

// Marikina Sports Center, roughly; 0.01° of latitude is about 1.1 km.
const area = { lat: 14.633, lng: 121.097, radiusM: 500 }

describe('location rule', () => {
  it('accepts a location inside the task area and near the home barangay', () => {
    const ctx = cleanContext({ task: { id: 1, area } })
    ctx.submission.location = { lat: 14.635, lng: 121.097, accuracy: 10 }
    expect(location(ctx, S)).toEqual([])
  })
  it("flags a location outside the task's area, with the distance", () => {
    const ctx = cleanContext({ task: { id: 1, area } })
    ctx.submission.location = { lat: 14.653, lng: 121.097, accuracy: 10 }
    const [reason] = location(ctx, S)
    expect(reason).toMatchObject({ rule: 'outside_task_area', points: 30 })
    expect(reason.en).toBe(
      "The location is 2.2 km from the centre of the task's area (allowed: 500 m).",
    )
  })
  it("gives the GPS's stated accuracy the benefit of the doubt, up to 500 m", () => {
    const ctx = cleanContext({ task: { id: 1, area } })
    ctx.submission.location = { lat: 14.641, lng: 121.097, accuracy: 400 }
    expect(location(ctx, S)).toEqual([])
    ctx.submission.location = { lat: 14.653, lng: 121.097, accuracy: 5000 }
    expect(location(ctx, S)).toHaveLength(1)
  })
  it('flags a task with an area when no location was sent', () => {
    const ctx = cleanContext({ task: { id: 1, area } })
    ctx.submission.location = null
    expect(location(ctx, S)).toMatchObject([{ rule: 'outside_task_area', points: 15 }])
  })
  it('flags a location far from the home barangay (Cebu for a Marikina resident)', () => {
    const ctx = cleanContext()
    ctx.submission.location = { lat: 10.31, lng: 123.89 }
    const [reason] = location(ctx, S)
    expect(reason).toMatchObject({ rule: 'far_from_barangay', points: 15 })
    expect(reason.en).toMatch(/^The location is 5\d\d\.\d km from the resident's barangay \(Nangka/)
  })
  it('says so, without points, when the barangay has no coordinates', () => {
    const ctx = cleanContext()
    ctx.resident.home = { label: 'Nangka, City of Marikina' }
    ctx.submission.location = { lat: 10.31, lng: 123.89 }
    expect(location(ctx, S)).toMatchObject([
      {
        rule: 'far_from_barangay',
        points: 0,
        en: "Nangka, City of Marikina has no coordinates yet; distance from the resident's barangay not checked.",
      },
    ])
  })
})
