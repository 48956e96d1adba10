import { beforeAll, describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { createOrganization, createTask, PLACES, signInResident } from '../helpers/fixtures'

type Resident = Awaited<ReturnType<typeof signInResident>>

describe('odd input never gets a 500', () => {
  let resident: Resident
  let task: number
  let reviewerToken: string

  beforeAll(async () => {
    const org = await createOrganization('lgu')
    reviewerToken = org.reviewer.token
    task = (await createTask(org.org.id)).id
    resident = await signInResident({ barangayCode: PLACES.concepcionUno })
  })

  const cases = (): [string, string, string, unknown, string?][] => [
    ['POST', '/api/residents/otp/request', 'array body', []],
    ['POST', '/api/residents/otp/request', 'phone as object', { phone: { a: 1 } }],
    [
      'POST',
      '/api/residents/otp/verify',
      'code never requested',
      { phone: '09179999999', code: '123456' },
    ],
    ['POST', '/api/residents/otp/verify', 'code as number', { phone: '09179999999', code: 123456 }],
    ['POST', '/api/submissions', 'task as text', { task: 'abc', answers: {} }, 'resident'],
    ['POST', '/api/submissions', 'task as object', { task: { id: 'x' } }, 'resident'],
    ['POST', '/api/submissions', 'answers as text', { task: 0, answers: 'yes' }, 'resident'],
    [
      'POST',
      '/api/submissions',
      'answers as text, real task',
      { task: -1, answers: 'yes' },
      'resident',
    ],
    ['POST', '/api/submissions', 'location as text', { task: 1, location: 'here' }, 'resident'],
    ['POST', '/api/submissions', 'empty body', '', 'resident'],
    [
      'PATCH',
      '/api/residents/RESIDENT',
      'barangay as object',
      { homeBarangay: { x: 1 } },
      'resident',
    ],
    ['PATCH', '/api/residents/RESIDENT', 'unknown language', { language: 'klingon' }, 'resident'],
    [
      'PATCH',
      '/api/residents/RESIDENT',
      'barangay id that does not exist',
      { homeBarangay: 999999999 },
      'resident',
    ],
    ['GET', '/api/feed?limit=100000', 'huge limit', undefined, 'resident'],
    ['GET', '/api/submissions/not-a-number', 'bad id', undefined, 'resident'],
    ['PATCH', '/api/submissions/SUBMISSION', 'status null', { status: null }, 'reviewer'],
    ['PATCH', '/api/submissions/SUBMISSION', 'status as number', { status: 7 }, 'reviewer'],
    ['PATCH', '/api/submissions/999999', 'unknown submission', { status: 'approved' }, 'reviewer'],
  ]

  it('answers every odd request with a 4xx and a message', async () => {
    const sub = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task, answers: { note: 'n' } },
    })
    expect(sub.status).toBe(201)
    for (const [method, rawPath, what, body, who] of cases()) {
      const path = rawPath
        .replace('RESIDENT', String(resident.id))
        .replace('SUBMISSION', String(sub.body.doc.id))
      const token =
        who === 'resident' ? resident.token : who === 'reviewer' ? reviewerToken : undefined
      const res = await api(method, path, {
        token,
        body: body === '' ? '' : body,
        headers: body === '' ? { 'content-type': 'application/json' } : {},
      })
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400)
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(500)
      expect(errorMessage(res), what).not.toBe('')
    }
  })
})
