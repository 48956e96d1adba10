import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import {
  checkPassword,
  DECOY_PASSWORD,
  passwordHashParameters,
  type StoredPassword,
} from '../../collections/Users/operations/passwordWork'
import { api, errorMessage, eventually } from '../helpers/api'
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
  // The endpoint reads the stored hash to equalise timing; none of it may reach the answer.
  for (const hidden of ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration']) {
    expect(login.body.user).not.toHaveProperty(hidden)
  }
  expect(JSON.stringify(login.body)).not.toMatch(/pbkdf2|"salt"|"hash"/)
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

  it('holds reviewers and managers to the same bounds, while the admin screens keep working', async () => {
    const reviewer = await staffWithPassword(['reviewer'])
    for (const token of [reviewer.token, org.manager.token]) {
      for (const query of ['limit=0', 'limit=101', 'limit=5000', 'depth=3']) {
        const res = await api('GET', `/api/tasks?${query}`, { token })
        expect(res.status, query).toBe(400)
        expect(errorMessage(res), query).toMatch(/"limit" must be from 1 to 100/)
      }
      // The relationship pickers' POST standing for a GET is bounded like the GET.
      const picker = await api('POST', '/api/places', {
        token,
        body: 'limit=0&depth=0',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-payload-http-method-override': 'GET',
        },
      })
      expect(picker.status).toBe(400)
      // What the admin itself sends: list pages of up to 100, pickers of 10 at depth 0, and
      // relationship cells that look up to 250 documents by id with limit=250.
      expect((await api('GET', '/api/tasks?limit=100&depth=2', { token })).status).toBe(200)
      const pickerPage = await api('POST', '/api/places', {
        token,
        body: 'depth=0&limit=10&where[label][like]=Nangka',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-payload-http-method-override': 'GET',
        },
      })
      expect(pickerPage.status).toBe(200)
      const ids = Array.from({ length: 120 }, (_, i) => i + 1).join(',')
      const cells = await api(
        'GET',
        `/api/places?depth=0&draft=true&limit=250&where[id][in]=${ids}`,
        {
          token,
        },
      )
      expect(cells.status).toBe(200)
      expect(cells.body.docs.length).toBeLessThanOrEqual(120)
      // …but a limit of 250 that is not an id lookup is still refused.
      expect((await api('GET', '/api/places?limit=250', { token })).status).toBe(400)
    }
  })

  it("tags Next's console errors with the request's id", async () => {
    const reqId = `probe-${randomBytes(6).toString('hex')}`
    const action = `7f${randomBytes(20).toString('hex')}`
    // A server action no build has: Next answers it and logs an error to the console itself,
    // outside Payload's logger.
    const res = await fetch(`${inject('baseUrl')}/admin`, {
      method: 'POST',
      headers: {
        'next-action': action,
        'x-request-id': reqId,
        'content-type': 'text/plain;charset=UTF-8',
      },
      body: '[]',
    })
    await res.text()
    expect(res.headers.get('x-request-id')).toBe(reqId)
    const line = await eventually(async () =>
      readFileSync(inject('serverLog'), 'utf8')
        .split('\n')
        .find((l) => l.includes(action)),
    )
    expect(line).toContain(`[reqId=${reqId}]`)
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

  it('spends the same password work on an unknown email as on a wrong password', async () => {
    const staff = await staffWithPassword(['reviewer'])
    const payload = await localPayload()
    const stored = (await payload.findByID({
      collection: 'users',
      id: staff.user.id,
      showHiddenFields: true,
      overrideAccess: true,
    })) as unknown as StoredPassword
    // The check the refusal of an unknown or locked account runs is Payload's own: it accepts
    // the stored hash of the right password, so it does the very pbkdf2 work Payload does.
    expect(await checkPassword(stored, staff.password)).toBe(true)
    expect(await checkPassword(stored, 'not-the-password')).toBe(false)
    // The decoy it runs against has the stored hash's format: the same rounds and key length.
    expect(passwordHashParameters(DECOY_PASSWORD.hash)).toMatchObject({
      iterations: passwordHashParameters(stored.hash).iterations,
      keyLength: passwordHashParameters(stored.hash).keyLength,
    })
    expect(DECOY_PASSWORD.hash.length).toBe(stored.hash.length)
    expect(DECOY_PASSWORD.salt.length).toBe(stored.salt.length)
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
