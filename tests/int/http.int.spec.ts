import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { createOrganization, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

type Org = Awaited<ReturnType<typeof createOrganization>>

const staffWithPassword = async (roles: ('admin' | 'reviewer')[]) => {
  const payload = await localPayload()
  const email = `${roles[0]}-${randomBytes(4).toString('hex')}@test.bayanet.local`
  const password = `pw-${randomBytes(12).toString('hex')}`
  const user = await payload.create({ collection: 'users', data: { email, password, roles } })
  const login = await api('POST', '/api/users/login', { body: { email, password } })
  expect(login.status, JSON.stringify(login.body)).toBe(200)
  return { user, email, password, token: login.body.token as string }
}

describe('the HTTP surface', () => {
  let org: Org
  let resident: Awaited<ReturnType<typeof signInResident>>

  beforeAll(async () => {
    org = await createOrganization('lgu')
    resident = await signInResident()
  })

  it('sends security headers, a request id and no X-Powered-By', async () => {
    for (const path of ['/api/places?limit=1', '/admin/login', '/', '/api/nope']) {
      const res = await fetch(`${(await import('vitest')).inject('baseUrl')}${path}`)
      await res.text()
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toMatch(/default-src 'self'/)
      expect(csp, path).toMatch(/frame-ancestors 'none'/)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('x-powered-by'), path).toBeNull()
      expect(res.headers.get('x-request-id'), path).toMatch(/^[\w.:-]{8,64}$/)
    }
  })

  it.each([
    ['null', 'null', 'application/json'],
    ['a number', '42', 'application/json'],
    ['an array', '[1,2]', 'application/json'],
    ['malformed JSON', '{"name":', 'application/json'],
    ['text/plain', '{"name":"x"}', 'text/plain'],
    ['form data', 'name=x', 'application/x-www-form-urlencoded'],
  ])('answers a body that is %s with a 4xx', async (_what, body, type) => {
    for (const [method, path] of [
      ['PATCH', `/api/residents/${resident.id}`],
      ['POST', '/api/tasks'],
      ['POST', '/api/residents/otp/request'],
    ] as const) {
      const res = await api(method, path, {
        token: method === 'PATCH' ? resident.token : org.manager.token,
        body,
        headers: { 'content-type': type },
      })
      expect([400, 415], `${method} ${path}`).toContain(res.status)
      expect(errorMessage(res)).not.toBe('')
    }
  })

  it('refuses bodies over 1 MB and JSON nested too deeply', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1_100_000) })
    const large = await api('PATCH', `/api/residents/${resident.id}`, {
      token: resident.token,
      body: big,
    })
    expect(large.status).toBe(413)
    const deep = '{"answers":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'
    const nested = await api('POST', '/api/submissions', { token: resident.token, body: deep })
    expect(nested.status).toBe(400)
    const medium = '{"answers":' + '{"a":'.repeat(200) + '1' + '}'.repeat(200) + '}'
    const res = await api('POST', '/api/submissions', { token: resident.token, body: medium })
    expect(res.status).toBe(400)
    expect(errorMessage(res)).toMatch(/nests too deeply/)
  })

  it('bounds limit, depth, page and where for everyone but admins', async () => {
    const cases: [string, string | undefined][] = [
      ['/api/places?limit=0', undefined],
      ['/api/places?limit=101', undefined],
      ['/api/places?limit=-1', undefined],
      ['/api/places?depth=3', undefined],
      ['/api/places?page=-1', undefined],
      ['/api/places?page=0', undefined],
      ['/api/places?where[parent][near]=1,2', undefined],
      ['/api/places?where[name][regex]=.*', undefined],
    ]
    for (const [path, token] of cases) {
      const res = await api('GET', path, { token })
      expect(res.status, path).toBe(400)
      expect(errorMessage(res), path).not.toBe('')
    }
    const many = Array.from({ length: 200 }, (_, i) => `where[or][${i}][code][equals]=${i}`)
    expect((await api('GET', `/api/places?${many.join('&')}`)).status).toBe(400)
    expect((await api('GET', '/api/places?limit=100&depth=2')).status).toBe(200)
    const admin = await staffWithPassword(['admin'])
    expect((await api('GET', '/api/tasks?limit=0', { token: admin.token })).status).toBe(200)
  })

  it('answers stray routes 404 without naming an internal host', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/api/payload-migrations'],
      ['POST', '/api/payload-migrations'],
      ['GET', '/api/residents/nope/deeper'],
    ] as const) {
      const res = await api(method, path, { token: org.manager.token })
      expect([403, 404], `${method} ${path}`).toContain(res.status)
      expect(JSON.stringify(res.body)).not.toMatch(/localhost|127\.0\.0\.1/)
    }
  })
})

describe('staff sign-in', () => {
  it('refuses short and common passwords over the API', async () => {
    const admin = await staffWithPassword(['admin'])
    for (const password of [
      'short1',
      'password1234',
      'Password1234!'.slice(0, 11),
      'qwertyuiop123',
    ]) {
      const res = await api('POST', '/api/users', {
        token: admin.token,
        body: {
          email: `new-${randomBytes(3).toString('hex')}@test.bayanet.local`,
          password,
          roles: ['reviewer'],
        },
      })
      expect(res.status, password).toBe(400)
    }
    const ok = await api('POST', '/api/users', {
      token: admin.token,
      body: {
        email: `new-${randomBytes(3).toString('hex')}@test.bayanet.local`,
        password: 'tahimik-na-gabi-sa-marikina',
        roles: ['reviewer'],
      },
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    const self = await api('PATCH', `/api/users/${admin.user.id}`, {
      token: admin.token,
      body: { password: 'abc' },
    })
    expect(self.status).toBe(400)
  })

  it('answers unknown emails, wrong passwords and locked accounts alike; only admins unlock', async () => {
    const staff = await staffWithPassword(['reviewer'])
    const unknown = await api('POST', '/api/users/login', {
      body: {
        email: `nobody-${randomBytes(3).toString('hex')}@test.bayanet.local`,
        password: 'whatever-it-is',
      },
    })
    const wrong = await api('POST', '/api/users/login', {
      body: { email: staff.email, password: 'not-the-password' },
    })
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(errorMessage(unknown)).toBe(errorMessage(wrong))
    const payload = await localPayload()
    await payload.update({
      collection: 'users',
      id: staff.user.id,
      data: { lockUntil: new Date(Date.now() + 600_000).toISOString(), loginAttempts: 10 },
    })
    const locked = await api('POST', '/api/users/login', {
      body: { email: staff.email, password: staff.password },
    })
    expect(locked.status).toBe(401)
    expect(errorMessage(locked)).toBe(errorMessage(wrong))

    const reviewer = await staffWithPassword(['reviewer'])
    const notAdmin = await api('POST', '/api/users/unlock', {
      token: reviewer.token,
      body: { email: staff.email },
    })
    expect(notAdmin.status).toBe(403)
    const admin = await staffWithPassword(['admin'])
    const unlock = await api('POST', '/api/users/unlock', {
      token: admin.token,
      body: { email: staff.email },
    })
    expect(unlock.status, JSON.stringify(unlock.body)).toBe(200)
    expect(
      (
        await api('POST', '/api/users/login', {
          body: { email: staff.email, password: staff.password },
        })
      ).status,
    ).toBe(200)
  })
})
