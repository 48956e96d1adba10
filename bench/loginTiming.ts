/**
 * Staff login timing: how long `POST /api/users/login` takes to refuse an unknown email, a wrong
 * password for a real account, and a locked account, as ratios against the wrong password (the
 * baseline, measured in the same run). Equal answers (1.0×) mean the time tells an attacker
 * nothing about which emails have accounts. No thresholds: compare ratios between runs.
 *
 * Starts its own host on a fresh database (DATABASE_URL's server, or embedded Postgres) with a
 * bootstrap admin, who creates the staff accounts it tries. Rounds alternate the three kinds so
 * that load on the machine falls on all of them alike; each account gets fewer wrong tries than
 * the lockout needs, except the one locked on purpose.
 *
 * Usage: npx tsx bench/loginTiming.ts [rounds, default 15]
 */
import { randomBytes } from 'node:crypto'
import { pathToFileURL } from 'node:url'

import { createTestDatabase } from '../tests/helpers/testDatabase'
import { startTestServer } from '../tests/helpers/testServer'

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Runs the measurement; returns the medians (ms) and the ratios against a wrong password. */
export const measureLoginTiming = async (rounds = 15) => {
  const database = await createTestDatabase()
  const admin = { email: 'bench-admin@bench.bayanet.local', password: 'timing-bench-admin-2026' }
  const server = await startTestServer({
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    BAYANET_ADMIN_EMAIL: admin.email,
    BAYANET_ADMIN_PASSWORD: admin.password,
  })
  try {
    const login = async (email: string, password: string) => {
      const started = performance.now()
      const res = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      const body = (await res.json()) as { token?: string }
      return { ms: performance.now() - started, status: res.status, token: body.token }
    }
    const { token } = await login(admin.email, admin.password)
    if (!token) throw new Error('the bench admin could not sign in')
    const accounts = Math.ceil(rounds / 5) + 1
    const emails: string[] = []
    for (let i = 0; i < accounts; i++) {
      const email = `bench-${i}-${randomBytes(3).toString('hex')}@bench.bayanet.local`
      const res = await fetch(`${server.url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({
          email,
          password: `bench-${randomBytes(12).toString('hex')}`,
          roles: ['reviewer'],
        }),
      })
      if (res.status !== 201) throw new Error(`could not create a staff account (${res.status})`)
      emails.push(email)
    }
    // One account locked on purpose (10 wrong tries), the others kept below the lockout.
    const locked = emails.pop()!
    for (let i = 0; i < 10; i++) await login(locked, 'not-the-password')
    const times = { unknown: [] as number[], wrong: [] as number[], locked: [] as number[] }
    await login(`warm-${randomBytes(4).toString('hex')}@bench.bayanet.local`, 'x-password-x')
    for (let round = 0; round < rounds; round++) {
      const unknown = `nobody-${randomBytes(4).toString('hex')}@bench.bayanet.local`
      times.unknown.push((await login(unknown, 'a-wrong-password')).ms)
      times.wrong.push((await login(emails[round % emails.length], 'a-wrong-password')).ms)
      times.locked.push((await login(locked, 'a-wrong-password')).ms)
    }
    const base = median(times.wrong)
    return {
      medians: { wrong: base, unknown: median(times.unknown), locked: median(times.locked) },
      ratios: { unknown: median(times.unknown) / base, locked: median(times.locked) / base },
    }
  } finally {
    await server.stop()
    await database.dispose()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rounds = Number(process.argv[2] ?? 15)
  measureLoginTiming(rounds).then(
    (result) =>
      console.log(
        `[login] unknown email ${result.ratios.unknown.toFixed(2)}×, locked account ${result.ratios.locked.toFixed(2)}× a wrong password (${result.medians.wrong.toFixed(0)} ms, median of ${rounds})`,
      ),
    (err) => {
      console.error(err)
      process.exit(1)
    },
  )
}
