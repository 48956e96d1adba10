import { describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { createOrganization, REQUIRED_CONSENTS, signInResident } from '../helpers/fixtures'

const form = [
  { label: 'Street name', type: 'text', required: true },
  { label: 'What happened?', type: 'textarea' },
  { label: 'How many lamps', type: 'number', required: true },
  { label: 'Kind of damage', type: 'select', options: ['broken', 'flickering'], required: true },
  { label: 'Seen on', type: 'multiple_choice', options: ['morning', 'noon', 'night'] },
  { label: 'Is it dangerous?', type: 'checkbox', required: true },
  { label: 'Where exactly', type: 'location' },
  { label: 'Street name', type: 'text', options: ['ignored'] },
]

describe('task forms residents can answer', () => {
  it('derives stable machine names, keeps options for choice questions only, and serves the whole form', async () => {
    const lgu = await createOrganization('lgu')
    const created = await api('POST', '/api/tasks', {
      token: lgu.manager.token,
      body: {
        title: 'Streetlight survey',
        organization: lgu.org.id,
        status: 'published',
        reward: { kind: 'gcash', amount: 20 },
        fields: form,
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const task = created.body.doc
    expect(task.fields.map((q: { name: string }) => q.name)).toEqual([
      'street_name',
      'what_happened',
      'how_many_lamps',
      'kind_of_damage',
      'seen_on',
      'is_it_dangerous',
      'where_exactly',
      'street_name_2',
    ])
    expect(task.fields[7].options).toEqual([])
    expect(task.fields[6].required).toBe(true)

    // Relabelling a question keeps its machine name.
    const relabelled = task.fields.map((q: Record<string, unknown>, i: number) =>
      i === 0 ? { ...q, label: 'Name of the street' } : q,
    )
    const edit = await api('PATCH', `/api/tasks/${task.id}`, {
      token: lgu.manager.token,
      body: { fields: relabelled },
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    expect(edit.body.doc.fields[0]).toMatchObject({
      label: 'Name of the street',
      name: 'street_name',
    })

    // The form asks where: that needs location consent.
    const resident = await signInResident({ consents: [...REQUIRED_CONSENTS, 'location'] })
    const feed = await api('GET', '/api/feed?limit=100', { token: resident.token })
    const entry = feed.body.docs.find((t: { id: number }) => t.id === task.id)
    expect(entry.fields[3]).toEqual({
      name: 'kind_of_damage',
      label: 'Kind of damage',
      type: 'select',
      required: true,
      options: ['broken', 'flickering'],
    })
    expect(entry.fields[4].options).toEqual(['morning', 'noon', 'night'])
    const one = await api('GET', `/api/tasks/${task.id}`, { token: resident.token })
    expect(one.body.fields[3].options).toEqual(['broken', 'flickering'])

    const answers = {
      street_name: 'J.P. Rizal',
      what_happened: 'Two lamps are out since Monday.',
      how_many_lamps: 2,
      kind_of_damage: 'broken',
      seen_on: ['night', 'morning'],
      is_it_dangerous: false,
      where_exactly: { lat: 14.6507, lng: 121.1029, accuracy: 12 },
    }
    const wrong = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { ...answers, kind_of_damage: 'stolen', seen_on: 'night' } },
    })
    expect(wrong.status).toBe(400)
    expect(errorMessage(wrong)).toMatch(/"Kind of damage" must be one of: broken, flickering/)
    expect(errorMessage(wrong)).toMatch(/"Seen on" must be a list/)
    const ok = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers },
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    const back = await api('GET', `/api/submissions/${ok.body.doc.id}`, { token: resident.token })
    expect(back.body.answers).toEqual(answers)
  })

  it('refuses a choice question without options', async () => {
    const lgu = await createOrganization('lgu')
    const res = await api('POST', '/api/tasks', {
      token: lgu.manager.token,
      body: {
        title: 'Bad form',
        organization: lgu.org.id,
        reward: { kind: 'gcash', amount: 20 },
        fields: [{ label: 'Pick one', type: 'select', options: ['only'] }],
      },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/at least two options/)
  })
})
