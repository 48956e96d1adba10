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

describe('validateAnswers, every question type', () => {
  const all = [
    { name: 'short', label: 'Short', type: 'text' as const, required: true },
    { name: 'long', label: 'Long', type: 'textarea' as const, required: true },
    { name: 'n', label: 'N', type: 'number' as const, required: true },
    { name: 'one', label: 'One', type: 'select' as const, required: true, options: ['a', 'b'] },
    {
      name: 'many',
      label: 'Many',
      type: 'multiple_choice' as const,
      required: true,
      options: ['x', 'y', 'z'],
    },
    { name: 'yes', label: 'Yes?', type: 'checkbox' as const, required: true },
    { name: 'pic', label: 'Pic', type: 'photo' as const, required: true },
    { name: 'where', label: 'Where', type: 'location' as const, required: true },
  ]
  it('accepts one good answer of each', () => {
    expect(
      validateAnswers(all, {
        short: 's',
        long: 'l',
        n: 2.5,
        one: 'b',
        many: ['x', 'z'],
        yes: false,
        pic: 12,
        where: { lat: 14.6, lng: 121.1, accuracy: 8 },
      }),
    ).toEqual([])
  })
  it('names each wrong answer by its label', () => {
    const problems = validateAnswers(all, {
      short: 1,
      long: ['x'],
      n: '2',
      one: 'c',
      many: ['x', 'x'],
      yes: 'no',
      pic: 'photo.jpg',
      where: { lat: 200, lng: 0 },
    })
    expect(problems).toHaveLength(8)
    for (const label of ['Short', 'Long', 'N', 'One', 'Many', 'Yes?', 'Pic', 'Where']) {
      expect(problems.some((p) => p.includes(`"${label}"`))).toBe(true)
    }
  })
  it('treats an empty multiple choice as missing', () => {
    expect(validateAnswers(all.slice(4, 5), { many: [] })).toEqual([
      'Answer "Many" (many); it is required',
    ])
  })
})
