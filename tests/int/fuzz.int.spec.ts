import fc from 'fast-check'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { createOrganization, signInResident } from '../helpers/fixtures'

/** Runs per property; `FUZZ_RUNS` raises it (the identity battery does). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60)

type Who = { token?: string; label: string }

/** Every response ≥ 500, with what caused it, so a failure says what to fix. */
const faults: string[] = []

const send = async (method: string, path: string, who: Who, body?: string, type?: string) => {
  const res = await fetch(`${inject('baseUrl')}${path}`, {
    method,
    headers: {
      ...(type ? { 'content-type': type } : {}),
      ...(who.token ? { authorization: `JWT ${who.token}` } : {}),
    },
    body,
  }).catch((err: Error) => ({ status: 599, text: async () => err.message }))
  const text = await res.text()
  if (res.status >= 500)
    faults.push(
      `${res.status} ${method} ${path} as ${who.label}: ${body?.slice(0, 200)} → ${text.slice(0, 200)}`,
    )
  return res.status
}

/** Odd JSON: any value, deep nests, huge numbers, odd strings. */
const oddJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('null', '42', '[]', '"x"', '{"a":', '{}', 'true', '{"__proto__":{"x":1}}'),
  fc.integer({ min: 10, max: 400 }).map((n) => '{"a":' + '['.repeat(n) + ']'.repeat(n) + '}'),
  fc
    .dictionary(
      fc.constantFrom(
        'phone',
        'code',
        'name',
        'homeBarangay',
        'gcashNumber',
        'task',
        'answers',
        'status',
        'title',
        'where',
        'limit',
        'password',
        'email',
      ),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map((v) => JSON.stringify(v)),
)

const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  undefined,
)

const oddValue = fc.oneof(
  fc.constantFrom('-1', '0', '1e9', 'NaN', 'abc', '', '1,2', '%00', '[]', '999999999999'),
  fc.string({ maxLength: 12 }),
)
const queryKey = fc.oneof(
  fc.constantFrom('limit', 'page', 'depth', 'sort', 'draft', 'locale', 'select[x]', 'populate'),
  fc
    .tuple(
      fc.constantFrom('id', 'code', 'parent', 'name', 'status', 'or', 'and', 'resident', 'x'),
      fc.constantFrom(
        'equals',
        'near',
        'in',
        'like',
        'exists',
        'within',
        'regex',
        '0',
        'greater_than',
      ),
    )
    .map(([field, op]) => `where[${field}][${op}]`),
)
const queryString = fc
  .array(fc.tuple(queryKey, oddValue), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURI(k)}=${encodeURIComponent(v)}`).join('&'))

const graphqlDoc = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '{ Places(limit: 0) { docs { id } } }',
    '{ Places(limit: 100000, page: -1) { docs { id parent { id parent { id parent { id } } } } } }',
    '{ Residents { docs { salt hash } } }',
    'mutation { loginResident(username: "x", password: "y") { token } }',
    '{ __schema { types { name } } }',
    '{ Submissions(where: { answers: { near: "1,2" } }) { docs { id } } }',
    'query { meResident { user { id } } }',
    '{ PayloadLockedDocuments { docs { id } } }',
  ),
  fc.integer({ min: 1, max: 300 }).map((n) => '{ Places { docs { ' + 'id '.repeat(n) + '} } }'),
)

describe('fuzzing the API (fast-check): no input earns a 5xx', () => {
  const who: Who[] = [{ label: 'anonymous' }]

  beforeAll(async () => {
    const resident = await signInResident()
    const org = await createOrganization('lgu')
    who.push({ label: 'resident', token: resident.token })
    who.push({ label: 'manager', token: org.manager.token })
    ;(globalThis as { fuzzResidentId?: number }).fuzzResidentId = resident.id
  })

  it('survives odd bodies on resident and staff routes', async () => {
    const id = (globalThis as { fuzzResidentId?: number }).fuzzResidentId
    const routes = [
      ['POST', '/api/residents/otp/request'],
      ['POST', '/api/residents/otp/verify'],
      ['PATCH', `/api/residents/${id}`],
      ['POST', '/api/residents/me/payout-account'],
      ['POST', '/api/submissions'],
      ['POST', '/api/tasks'],
      ['POST', '/api/consents'],
      ['POST', '/api/users/login'],
      ['POST', '/api/payload-locked-documents'],
      ['POST', '/api/payload-preferences/nav'],
      ['DELETE', '/api/payload-preferences/nav'],
    ] as const
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(...who),
        oddJson,
        contentType,
        async ([method, path], caller, body, type) => {
          expect(await send(method, path, caller, body, type)).toBeLessThan(500)
        },
      ),
      { numRuns: RUNS * 2 },
    )
  })

  it('survives odd query strings', async () => {
    const paths = [
      '/api/places',
      '/api/tasks',
      '/api/submissions',
      '/api/rewards',
      '/api/feed',
      '/api/residents',
      '/api/users',
      '/api/payload-migrations',
      '/api/nope',
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom(...who),
        queryString,
        async (path, caller, query) => {
          expect(await send('GET', `${path}?${query}`, caller)).toBeLessThan(500)
        },
      ),
      { numRuns: RUNS * 2 },
    )
  })

  it('survives odd GraphQL documents and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...who),
        fc.oneof(
          graphqlDoc.map((query) => JSON.stringify({ query })),
          oddJson,
        ),
        async (caller, body) => {
          expect(await send('POST', '/api/graphql', caller, body, 'application/json')).toBeLessThan(
            500,
          )
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('keeps answering afterwards', async () => {
    expect(faults).toEqual([])
    const ready = await fetch(`${inject('baseUrl')}/readyz`)
    expect(ready.status).toBe(200)
    const places = await fetch(`${inject('baseUrl')}/api/places?limit=1`)
    expect(places.status).toBe(200)
    console.log(`[fuzz] responses ≥ 500: ${faults.length}`)
  })
})
