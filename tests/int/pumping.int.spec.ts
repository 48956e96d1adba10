import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomInt } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SMS_BUDGET_SUBJECT } from '../../jobs/definitions/alertSmsBudget'
import { freePort } from '../../src/lib/freePort'
import { startFakeSemaphore } from '../fakes/semaphore'
import type { FakeSmsServer } from '../fakes/smsServer'
import { startFakeSmtp } from '../fakes/smtp'
import { eventually } from '../helpers/api'
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { startTestServer, type TestServer } from '../helpers/testServer'

/** The tight limits this spec's own server runs with. */
const LIMITS = {
  OTP_IP_LIMIT: '8',
  OTP_PHONE_LIMIT: '10',
  OTP_PREFIX_LIMIT: '20',
  SMS_HOURLY_BUDGET: '60',
}

/** A redis-server of our own on a spare port, so stopping it touches nobody else's. */
const startRedis = async (port: number) => {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
  await eventually(
    async () => {
      const pong = await new Promise<boolean>((resolve) => {
        const ping = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe' })
        let out = ''
        ping.stdout.on('data', (d) => (out += d))
        ping.on('close', () => resolve(out.includes('PONG')))
      })
      return pong || undefined
    },
    20_000,
    'redis-server to answer',
  )
  return child
}
const stopRedis = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/** A +63 mobile in a block of its own, so prefixes spread like a pumper's list. */
const phMobile = () => `+63917${String(randomInt(0, 1e7)).padStart(7, '0')}`
const FOREIGN = ['+14155550123', '+442071838750', '+8613800138000', '+6281234567890', '0282345678']
/** The platform admin of this spec's server, who is told when the breaker opens. */
const ADMIN = { email: 'ops-admin@test.bayanet.local', password: 'bantay-sa-pumping-2026' }

describe('SMS pumping against a server with tight limits', () => {
  let server: TestServer
  let redis: ChildProcess
  let redisPort: number
  let database: TestDatabase
  let db: pg.Pool
  let semaphore: FakeSmsServer
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>
  const statuses: number[] = []

  /** Asks for a code as a client at `ip`, seen through one proxy (TRUST_PROXY=1) that appends
   * the address it saw; whatever the client itself put in X-Forwarded-For comes before it. */
  const ask = async (phone: string, ip: string, spoofed?: string) => {
    const res = await fetch(`${server.url}/api/residents/otp/request`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': spoofed ? `${spoofed}, ${ip}` : ip,
      },
      body: JSON.stringify({ phone }),
    })
    await res.text()
    statuses.push(res.status)
    return res.status
  }
  /** Messages the server queued for these numbers (its own database). */
  const queuedFor = async (phones: string[]) => {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sms_outbox WHERE "to" = ANY($1)',
      [phones],
    )
    return rows[0].n
  }
  /** Messages the (fake) provider actually received for these numbers. */
  const receivedFor = (phones: string[]) => {
    const wanted = new Set(phones.map((phone) => phone.replace(/^\+/, '')))
    return semaphore.received.filter((m) => wanted.has(m.to)).length
  }
  /** Waits until the worker has handed every queued message to the provider. */
  const delivered = async (phones: string[]) => {
    const queued = await queuedFor(phones)
    await eventually(
      async () => (receivedFor(phones) >= queued ? true : undefined),
      60_000,
      `${queued} messages to reach the provider`,
    )
    return receivedFor(phones)
  }

  beforeAll(async () => {
    // A database of its own: the shared server's worker (console provider) must not deliver
    // this server's messages, so that what the fake receives is everything that was sent.
    database = await createTestDatabase()
    db = new pg.Pool({ connectionString: database.url, max: 2 })
    semaphore = await startFakeSemaphore('pump-key')
    smtp = await startFakeSmtp()
    redisPort = await freePort()
    redis = await startRedis(redisPort)
    server = await startTestServer({
      DATABASE_URL: database.url,
      PAYLOAD_SECRET: 'bayanet-pumping-secret-0123456789abcdef',
      REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
      RATE_LIMIT_PREFIX: `pump-${randomBytes(4).toString('hex')}`,
      // One proxy in front: the client is the address it appended, the last in the header.
      TRUST_PROXY: '1',
      SMS_PROVIDER: 'semaphore',
      SEMAPHORE_API_KEY: 'pump-key',
      SEMAPHORE_BASE_URL: semaphore.url,
      SMTP_URL: smtp.url,
      BAYANET_ADMIN_EMAIL: ADMIN.email,
      BAYANET_ADMIN_PASSWORD: ADMIN.password,
      ...LIMITS,
    })
  })
  afterAll(async () => {
    await server?.stop()
    if (redis) await stopRedis(redis)
    await semaphore?.close()
    await smtp?.stop()
    await db?.end()
    await database?.dispose()
  })

  it('holds one client to 8 SMS however many numbers it asks for, whatever it claims to be', async () => {
    const phones = Array.from({ length: 30 }, phMobile)
    const results = []
    for (const phone of phones) {
      // Each request claims another address in front of the proxy's: the limit ignores it.
      results.push(
        await ask(phone, '203.0.113.7', `10.${randomInt(0, 255)}.0.${randomInt(1, 254)}`),
      )
    }
    expect(results.filter((s) => s === 202)).toHaveLength(8)
    expect(await queuedFor(phones)).toBe(8)
    expect(await delivered(phones)).toBe(8)
    // Another client behind the same proxy still gets its code.
    expect(await ask(phMobile(), '203.0.113.8')).toBe(202)
    console.log('[pumping] one client: 8 SMS for 30 numbers asked')
  })

  it('keeps 1,000 requests over 200 numbers from 50 clients within the hourly budget', async () => {
    const ph = Array.from({ length: 180 }, phMobile)
    const numbers = [...ph, ...Array.from({ length: 20 }, (_, i) => FOREIGN[i % FOREIGN.length])]
    const ips = Array.from({ length: 50 }, (_, i) => `198.51.100.${i + 1}`)
    const requests = Array.from({ length: 1000 }, (_, i) => [numbers[i % 200], ips[i % 50]])
    for (let i = 0; i < requests.length; i += 50) {
      await Promise.all(requests.slice(i, i + 50).map(([phone, ip]) => ask(phone, ip)))
    }
    const sent = await delivered(ph)
    expect(sent).toBeGreaterThan(0)
    expect(sent).toBeLessThanOrEqual(Number(LIMITS.SMS_HOURLY_BUDGET))
    expect(await queuedFor(FOREIGN)).toBe(0)
    expect(receivedFor(FOREIGN)).toBe(0)
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0)
    // The breaker opened and said so, once.
    const log = readFileSync(server.logFile, 'utf8')
    expect(log.match(/sms-budget-exhausted/g)?.length ?? 0).toBeGreaterThanOrEqual(1)
    console.log(
      `[pumping] 1000 requests, 200 numbers (20 foreign), 50 IPs: ${sent} SMS sent by the provider (budget ${LIMITS.SMS_HOURLY_BUDGET}), foreign 0`,
    )
  })

  it('tells the admins when the SMS budget runs out: by email and on the dashboard', async () => {
    const mail = await eventually(
      async () =>
        smtp.messages.find((m) => m.to.includes(ADMIN.email) && m.raw.includes(SMS_BUDGET_SUBJECT)),
      30_000,
      'the SMS budget email to the admin',
    )
    expect(mail.raw).not.toMatch(/\+?639\d{9}/)
    // Once per budget window, however many requests the breaker turned away.
    expect(smtp.messages.filter((m) => m.raw.includes(SMS_BUDGET_SUBJECT))).toHaveLength(1)
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const dashboard = await fetch(`${server.url}/admin`, {
      headers: { cookie: `payload-token=${token}` },
    })
    expect(dashboard.status).toBe(200)
    const html = await dashboard.text()
    expect(html).toContain('sms-budget-alert')
    expect(html).toContain('The hourly SMS budget is spent')
  })

  it('sends nothing while Redis is down, and sends again when it is back', async () => {
    await stopRedis(redis)
    const down = Array.from({ length: 20 }, phMobile)
    const answers = await Promise.all(down.map((phone, i) => ask(phone, `192.0.2.${i + 1}`)))
    expect(new Set(answers)).toEqual(new Set([503]))
    expect(await queuedFor(down)).toBe(0)

    redis = await startRedis(redisPort)
    // The hourly budget was spent above; a fresh Redis has forgotten it, as a restart would.
    const back = phMobile()
    await eventually(
      async () => ((await ask(back, '192.0.2.200')) === 202 ? true : undefined),
      30_000,
      'a code once Redis is back',
    )
    expect(await delivered([back])).toBe(1)
    expect(await queuedFor(down)).toBe(0)
    expect(receivedFor(down)).toBe(0)
    console.log(
      '[pumping] redis down: 0 SMS sent for 20 requests (all 503); sending again once it is back',
    )
  })
})
