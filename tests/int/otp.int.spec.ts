import { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { tablesContaining } from '../helpers/db'
import { latestOtp, signInResident, uniquePhone } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

/** What sign-in and /me may show of a resident: nothing about how they authenticate. */
const PUBLIC_FIELDS = [
  'id',
  'phone',
  'name',
  'homeBarangay',
  'language',
  'gcashNumber',
  'pendingGcashNumber',
  'createdAt',
  'updatedAt',
]
const HIDDEN = [
  'salt',
  'hash',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'password',
  'username',
  'email',
]

const requestCode = async (phone: string) => {
  const res = await api('POST', '/api/residents/otp/request', { body: { phone } })
  expect(res.status, JSON.stringify(res.body)).toBe(202)
  return latestOtp(phone)
}
const verify = (phone: string, code: string) =>
  api('POST', '/api/residents/otp/verify', { body: { phone, code } })
const other = (code: string, n = 1) => String((Number(code) + n) % 1_000_000).padStart(6, '0')

let adminToken: string | undefined

/** Lets the next code to `phone` go out now, as support staff can (the pacing is tested elsewhere). */
const skipPacing = async (phone: string) => {
  if (!adminToken) {
    const payload = await localPayload()
    const email = `admin-${randomBytes(4).toString('hex')}@test.bayanet.local`
    const password = randomBytes(16).toString('hex')
    await payload.create({ collection: 'users', data: { email, password, roles: ['admin'] } })
    adminToken = (await api('POST', '/api/users/login', { body: { email, password } })).body.token
  }
  const res = await api('POST', '/api/residents/otp/reset-limits', {
    token: adminToken,
    body: { phone },
  })
  expect(res.status).toBe(200)
}

/** Keys of the test Redis (when REDIS_URL is set) whose name or value contains one of `needles`. */
const redisContaining = async (needles: string[]) => {
  if (!process.env.REDIS_URL) return []
  const redis = new Redis(process.env.REDIS_URL)
  try {
    const hits: string[] = []
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 500)
      cursor = next
      for (const key of keys) {
        const type = await redis.type(key)
        const value =
          type === 'string'
            ? ((await redis.get(key)) ?? '')
            : type === 'hash'
              ? JSON.stringify(await redis.hgetall(key))
              : ''
        if (needles.some((n) => key.includes(n) || value.includes(n))) hits.push(key)
      }
    } while (cursor !== '0')
    return hits
  } finally {
    redis.disconnect()
  }
}

describe('sign-in codes (ASVS V6, NIST 800-63B)', () => {
  it('signs in once with the right code, and never again with it', async () => {
    const phone = uniquePhone()
    const code = await requestCode(phone)
    expect((await verify(phone, code)).status).toBe(200)
    const reused = await verify(phone, code)
    expect(reused.status).toBe(401)
    expect(errorMessage(reused)).toMatch(/wrong or has expired/)
  })

  it('refuses a code for another phone', async () => {
    const alice = uniquePhone()
    const mallory = uniquePhone()
    const code = await requestCode(alice)
    await requestCode(mallory)
    expect((await verify(mallory, code)).status).toBe(401)
    expect((await verify(alice, code)).status).toBe(200)
  })

  it('refuses an expired code', async () => {
    const phone = uniquePhone()
    const code = await requestCode(phone)
    const payload = await localPayload()
    await payload.update({
      collection: 'otp-challenges',
      where: { phone: { equals: phone } },
      data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    expect((await verify(phone, code)).status).toBe(401)
  })

  it('voids the older code when a new one is requested', async () => {
    const phone = uniquePhone()
    const first = await requestCode(phone)
    await skipPacing(phone)
    const second = await requestCode(phone)
    if (first !== second) expect((await verify(phone, first)).status).toBe(401)
    expect((await verify(phone, second)).status).toBe(200)
    // Once the newest is used, the older one does not come back to life.
    expect((await verify(phone, first)).status).toBe(401)
  })

  it('refuses the 6th guess even when right, also with 40 guesses in parallel', async () => {
    const phone = uniquePhone()
    const code = await requestCode(phone)
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => verify(phone, other(code, i + 1))),
    )
    const statuses = guesses.map((g) => g.status)
    expect(
      statuses.filter((s) => s === 401),
      JSON.stringify(guesses.find((g) => g.status >= 500)?.body),
    ).toHaveLength(5)
    expect(
      statuses.filter((s) => s === 429),
      statuses.join(),
    ).toHaveLength(35)
    expect((await verify(phone, code)).status).toBe(429)
  })

  it('lets exactly one of 40 parallel right answers sign in', async () => {
    const phone = uniquePhone()
    const code = await requestCode(phone)
    const tries = await Promise.all(Array.from({ length: 40 }, () => verify(phone, code)))
    expect(tries.filter((t) => t.status === 200)).toHaveLength(1)
  })

  it('keeps no plaintext code in the database or the logs', async () => {
    const phone = uniquePhone()
    const code = await requestCode(phone)
    await latestOtp(phone, { sent: true })
    // Six digits can occur by chance in other tables (PSGC codes): these are where a code went.
    const found = await tablesContaining(code)
    for (const table of ['otp_challenges', 'sms_outbox', 'agenda_jobs', 'audit_log']) {
      expect(found).not.toContain(table)
    }
    expect((await verify(phone, code)).status).toBe(200)
    const log = readFileSync(inject('serverLog'), 'utf8')
    expect(log).not.toContain(code)
    expect(log).not.toContain(phone)
    // The limit store holds counters under keyed hashes: neither the code nor the number.
    const inRedis = await redisContaining([code, phone, phone.slice(1)])
    expect(inRedis).toEqual([])
    const inDb = ['otp_challenges', 'sms_outbox', 'agenda_jobs', 'audit_log'].filter((t) =>
      found.includes(t),
    )
    console.log(
      `[otp] plaintext codes found: ${inDb.length + (log.includes(code) ? 1 : 0) + inRedis.length}`,
    )
  })
})

describe('what sign-in and /me reveal', () => {
  it('gives a returning resident and /me the public projection only', async () => {
    const first = await signInResident()
    await skipPacing(first.phone)
    const code = await requestCode(first.phone)
    const again = await verify(first.phone, code)
    expect(again.status).toBe(200)
    for (const user of [again.body.user]) {
      for (const key of Object.keys(user)) expect(PUBLIC_FIELDS, key).toContain(key)
      for (const key of HIDDEN) expect(user).not.toHaveProperty(key)
    }
    const me = await api('GET', '/api/residents/me', { token: again.body.token })
    expect(me.status).toBe(200)
    expect(me.body.user.id).toBe(first.id)
    for (const key of Object.keys(me.body.user)) expect(PUBLIC_FIELDS, key).toContain(key)
    expect(me.body).not.toHaveProperty('token')
  })

  it('sets the session cookie HttpOnly and SameSite=Lax, and logs out on the server', async () => {
    const phone = uniquePhone()
    const code = await requestCode(phone)
    const res = await verify(phone, code)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const token = res.body.token as string
    expect((await api('GET', '/api/residents/me', { token })).body.user).not.toBeNull()
    const out = await api('POST', '/api/residents/logout', { token })
    expect(out.status).toBe(200)
    // The session is gone server-side: the same JWT no longer signs anyone in.
    expect((await api('GET', '/api/residents/me', { token })).body.user).toBeNull()
  })
})

describe('changing the payout account', () => {
  it('applies a new GCash number only after the code sent to it, and audits it', async () => {
    const resident = await signInResident()
    const gcash = uniquePhone()
    const patch = await api('PATCH', `/api/residents/${resident.id}`, {
      token: resident.token,
      body: { gcashNumber: gcash, name: 'Maria' },
    })
    expect(patch.status, JSON.stringify(patch.body)).toBe(200)
    const payload = await localPayload()
    let stored = await payload.findByID({ collection: 'residents', id: resident.id })
    expect(stored.name).toBe('Maria')
    expect(stored.gcashNumber ?? null).toBeNull()
    expect(stored.pendingGcashNumber).toBe(gcash)

    const code = await latestOtp(gcash)
    // The code works only for this resident's change, not as a sign-in code for the number.
    expect((await verify(gcash, code)).status).toBe(401)
    const wrong = await api('POST', '/api/residents/me/payout-account/confirm', {
      token: resident.token,
      body: { code: other(code) },
    })
    expect(wrong.status).toBe(401)
    const right = await api('POST', '/api/residents/me/payout-account/confirm', {
      token: resident.token,
      body: { code },
    })
    expect(right.status, JSON.stringify(right.body)).toBe(200)
    expect(right.body.user.gcashNumber).toBe(gcash)
    stored = await payload.findByID({ collection: 'residents', id: resident.id })
    expect(stored.gcashNumber).toBe(gcash)
    expect(stored.pendingGcashNumber ?? null).toBeNull()

    const audit = await payload.find({
      collection: 'audit-log',
      where: { entity: { equals: 'residents' }, entityId: { equals: String(resident.id) } },
      limit: 20,
    })
    const actions = audit.docs.map((d) => d.action)
    expect(actions).toContain('resident.payout-account.requested')
    expect(actions).toContain('resident.payout-account.changed')
    expect(JSON.stringify(audit.docs)).not.toContain(gcash)
  })

  it('offers the change as its own endpoint, and another resident cannot confirm it', async () => {
    const alice = await signInResident()
    const bob = await signInResident()
    const gcash = uniquePhone()
    const start = await api('POST', '/api/residents/me/payout-account', {
      token: alice.token,
      body: { gcashNumber: gcash },
    })
    expect(start.status, JSON.stringify(start.body)).toBe(202)
    const code = await latestOtp(gcash)
    const bobTry = await api('POST', '/api/residents/me/payout-account/confirm', {
      token: bob.token,
      body: { code },
    })
    expect(bobTry.status).toBe(409)
    const anonymous = await api('POST', '/api/residents/me/payout-account/confirm', {
      body: { code },
    })
    expect(anonymous.status).toBe(401)
    const direct = await api('PATCH', `/api/residents/${alice.id}`, {
      token: alice.token,
      body: { pendingGcashNumber: uniquePhone() },
    })
    expect(direct.status).toBe(403)
    const ok = await api('POST', '/api/residents/me/payout-account/confirm', {
      token: alice.token,
      body: { code },
    })
    expect(ok.status).toBe(200)
    expect(ok.body.user.gcashNumber).toBe(gcash)
  })
})
