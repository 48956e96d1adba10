import { describe, expect, it } from 'vitest'

import { answersForPeople, distanceMetres, formatAnswer, reasonsForPeople } from './format'

describe('answers for people', () => {
  const form = [
    { name: 'note', label: 'What did you see?', type: 'text' },
    { name: 'dark', label: 'Is it dark?', type: 'checkbox' },
    {
      name: 'kinds',
      label: 'Which kinds?',
      type: 'multi',
      options: [
        { label: 'Lamp post', value: 'post' },
        { label: 'Wires', value: 'wires' },
      ],
    },
    { name: 'spot', label: 'Where exactly?', type: 'location' },
    { name: 'photo', label: 'Take a photo', type: 'photo' },
  ]

  it('puts answers under their labels in the order of the form, never as JSON', () => {
    const rows = answersForPeople(form, {
      spot: { lat: 14.65071234, lng: 121.1029, accuracy: 7.6 },
      dark: false,
      note: 'Three lamps out',
      kinds: ['post', 'wires'],
      photo: 12,
    })
    expect(rows.map((r) => r.label)).toEqual([
      'What did you see?',
      'Is it dark?',
      'Which kinds?',
      'Where exactly?',
      'Take a photo',
    ])
    expect(rows.map((r) => r.value)).toEqual([
      { kind: 'text', text: 'Three lamps out' },
      { kind: 'text', text: 'No' },
      { kind: 'list', items: ['Lamp post', 'Wires'] },
      { kind: 'text', text: '14.65071, 121.10290 (±8 m)' },
      { kind: 'text', text: 'Photo attached (shown on the left)' },
    ])
  })

  it('says what was left unanswered and keeps answers to questions since removed', () => {
    const rows = answersForPeople(form.slice(0, 1), { old: 'kept' })
    expect(rows).toEqual([
      { label: 'What did you see?', type: 'text', value: { kind: 'empty' } },
      { label: 'old', type: 'unknown', value: { kind: 'text', text: 'kept' } },
    ])
  })

  it('falls back to structured rendering only for shapes it does not know', () => {
    expect(formatAnswer(undefined, { a: 1 })).toEqual({ kind: 'json', value: { a: 1 } })
  })
})

describe('reasons for people', () => {
  it("reads scoring's {rule, points, en} and notes without points", () => {
    expect(
      reasonsForPeople([
        { rule: 'duplicate_photo', points: 40, en: 'The same photo was sent before', fil: '…' },
        { rule: 'outside_task_area', points: 0, en: 'Area not checked', fil: '…' },
      ]),
    ).toEqual(['The same photo was sent before (+40)', 'Area not checked'])
    expect(reasonsForPeople(null)).toEqual([])
  })
})

describe('distanceMetres', () => {
  it('measures a degree of latitude as about 111 km', () => {
    expect(Math.round(distanceMetres({ lat: 14, lng: 121 }, { lat: 15, lng: 121 }) / 1000)).toBe(
      111,
    )
  })
})
