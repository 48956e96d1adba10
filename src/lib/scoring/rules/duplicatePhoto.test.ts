import { describe, expect, it } from 'vitest'

import { cleanContext } from '../testContext'
import { duplicatePhoto } from './duplicatePhoto'
import { DEFAULT_SETTINGS as S } from '../settings'

describe('duplicate photo rule', () => {
  it('says nothing when no earlier photo looks like this one', () => {
    expect(duplicatePhoto(cleanContext(), S)).toEqual([])
  })
  it("flags a near-copy of another resident's photo and names the submission", () => {
    const [reason] = duplicatePhoto(
      cleanContext({ duplicates: [{ submission: 4, resident: 99, distance: 6 }] }),
      S,
    )
    expect(reason).toMatchObject({ rule: 'duplicate_photo', points: 45 })
    expect(reason.en).toContain('submission #4 (6 of 64 bits differ), sent by another resident')
    expect(reason.fil).toContain('ibang residente')
  })
  it('scores an identical photo higher, also when the same resident sends it again', () => {
    const [reason] = duplicatePhoto(
      cleanContext({
        duplicates: [
          { submission: 4, resident: 7, distance: 0 },
          { submission: 5, resident: 8, distance: 3 },
        ],
      }),
      S,
    )
    expect(reason.points).toBe(60)
    expect(reason.en).toMatch(/this same resident; 1 more similar photo\.$/)
  })
  it('notes, without points, a photo it could not hash; ignores submissions without a photo', () => {
    expect(duplicatePhoto(cleanContext({ photo: { hash: null } }), S)).toMatchObject([
      { points: 0, en: expect.stringMatching(/not checked/) },
    ])
    expect(duplicatePhoto(cleanContext({ photo: null }), S)).toEqual([])
  })
})
