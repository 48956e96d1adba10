import { describe, expect, it } from 'vitest'

import { residentHandle } from './residentHandle'

describe('residentHandle', () => {
  it('is stable for one resident and secret', () => {
    expect(residentHandle(42, 'secret-a')).toBe(residentHandle('42', 'secret-a'))
    expect(residentHandle(42, 'secret-a')).toMatch(
      /^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    )
  })

  it('differs between residents and cannot be made without the secret', () => {
    expect(residentHandle(42, 'secret-a')).not.toBe(residentHandle(43, 'secret-a'))
    expect(residentHandle(42, 'secret-a')).not.toBe(residentHandle(42, 'secret-b'))
  })

  it('tells a thousand residents apart', () => {
    const handles = new Set(Array.from({ length: 1000 }, (_, id) => residentHandle(id, 's')))
    expect(handles.size).toBe(1000)
  })
})
