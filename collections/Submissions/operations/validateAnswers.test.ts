import { describe, expect, it } from 'vitest'

import { validateAnswers } from './validateAnswers'

const form = [
  { name: 'street', label: 'Street', type: 'text' as const, required: true },
  { name: 'count', label: 'Count', type: 'number' as const, required: false },
  { name: 'ok', label: 'OK?', type: 'checkbox' as const, required: true },
  { name: 'kind', label: 'Kind', type: 'select' as const, required: false, options: ['a', 'b'] },
  { name: 'when', label: 'When', type: 'date' as const, required: false },
]

describe('validateAnswers', () => {
  it('accepts answers that fit the form', () => {
    expect(
      validateAnswers(form, { street: 'Main', count: 3, ok: false, kind: 'a', when: '2026-11-25' }),
    ).toEqual([])
  })
  it('names each missing required answer', () => {
    expect(validateAnswers(form, {})).toEqual([
      'Answer "Street" (street); it is required',
      'Answer "OK?" (ok); it is required',
    ])
  })
  it('rejects wrong types, unknown options and unknown questions', () => {
    const problems = validateAnswers(form, {
      street: 5,
      ok: 'yes',
      count: 'x',
      kind: 'c',
      when: 'soon',
      spam: 1,
    })
    expect(problems).toHaveLength(6)
  })
  it('rejects answers that are not an object', () => {
    expect(validateAnswers(form, ['a'])).toEqual([
      'answers must be an object keyed by question name',
    ])
  })
})
