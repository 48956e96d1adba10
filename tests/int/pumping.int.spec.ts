import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomInt } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { freePort } from '../../src/lib/freePort'
import { eventually } from '../helpers/api'
import { localPayload } from '../helpers/payload'
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

describe('SMS pumping against a server with tight limits', () => {
  let server: TestServer
  let redis: ChildProcess
  let redisPort: number
  const statuses: number[] = []

  const ask = async (phone: string, ip: string) => {
    const res = await fetch(`${server.url}/api/residents/otp/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ phone }),
    })
    await res.text()
    statuses.push(res.status)
    return res.status
  }
  const queuedFor = async (phones: string[]) => {
    const payload = await localPayload()
    const { totalDocs } = await payload.count({
      collection: 'sms-outbox',
      where: { to: { in: phones } },
    })
    return totalDocs
  }

  beforeAll(async () => {
    redisPort = await freePort()
    redis = await startRedis(redisPort)
    server = await startTestServer({
      DATABASE_URL: inject('databaseUrl'),
      PAYLOAD_SECRET: inject('payloadSecret'),
      REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
      RATE_LIMIT_PREFIX: `pump-${randomBytes(4).toString('hex')}`,
      TRUST_PROXY: 'loopback',
      // Web only: the shared server's worker delivers; what counts here is what gets queued.
      BAYANET_ROLE: 'web',
      ...LIMITS,
    })
  })
  afterAll(async () => {
    await server?.stop()
    if (redis) await stopRedis(redis)
  })

  it('holds one client to 8 SMS however many numbers it asks for', async () => {
    const phones = Array.from({ length: 30 }, phMobile)
    const results = []
    for (const phone of phones) results.push(await ask(phone, '203.0.113.7'))
    expect(results.filter((s) => s === 202)).toHaveLength(8)
    expect(await queuedFor(phones)).toBe(8)
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
    const queued = await queuedFor(ph)
    expect(queued).toBeGreaterThan(0)
    expect(queued).toBeLessThanOrEqual(Number(LIMITS.SMS_HOURLY_BUDGET))
    expect(await queuedFor(FOREIGN)).toBe(0)
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0)
    // The breaker opened and said so, once.
    const log = readFileSync(server.logFile, 'utf8')
    expect(log.match(/sms-budget-exhausted/g)?.length ?? 0).toBeGreaterThanOrEqual(1)
    console.log(
      `[pumping] 1000 requests, 200 numbers (20 foreign), 50 IPs: ${queued} SMS queued (budget ${LIMITS.SMS_HOURLY_BUDGET}), foreign 0`,
    )
  })

  it('sends nothing while Redis is down, and sends again when it is back', async () => {
    await stopRedis(redis)
    const down = Array.from({ length: 20 }, phMobile)
    const answers = await Promise.all(down.map((phone, i) => ask(phone, `192.0.2.${i + 1}`)))
    expect(new Set(answers)).toEqual(new Set([503]))
    expect(await queuedFor(down)).toBe(0)

    redis = await startRedis(redisPort)
    const back = phMobile()
    await eventually(
      async () => ((await ask(back, '192.0.2.200')) === 202 ? true : undefined),
      30_000,
      'a code once Redis is back',
    )
    expect(await queuedFor([back])).toBe(1)
    expect(await queuedFor(down)).toBe(0)
    console.log(
      '[pumping] redis down: 0 SMS for 20 requests (all 503); sending again once it is back',
    )
  })
})
