/**
 * `npm run battery:identity`: the front door's figures, from the specs that measure them run
 * against real Postgres and Redis (set DATABASE_URL and REDIS_URL as for `npm test`), with a
 * longer fuzz. Prints guesses per code and per phone per hour, SMS sent under pumping (counted at
 * the provider), plaintext codes found, responses ≥ 500 under fuzzing, and staff login time for
 * an unknown email and a locked account as ratios of a wrong password (bench/loginTiming.ts).
 */
import { spawn } from 'node:child_process'

import { readLimits } from '../src/limits/config'
import { OTP_MAX_ATTEMPTS } from '../collections/OtpChallenges/operations/codes'
import { measureLoginTiming } from './loginTiming'

const specs = [
  'tests/int/otp.int.spec.ts',
  'tests/int/pumping.int.spec.ts',
  'tests/int/fuzz.int.spec.ts',
]
const child = spawn('npx', ['vitest', 'run', ...specs], {
  env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '300' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
let out = ''
child.stdout.on('data', (chunk: Buffer) => {
  out += chunk
  process.stdout.write(chunk)
})
child.on('exit', async (code) => {
  const login = await measureLoginTiming().catch((err: Error) => err)
  const limits = readLimits()
  const find = (re: RegExp) => re.exec(out)?.[1] ?? 'not measured (see the output above)'
  const rows = [
    [
      'guesses per code',
      `${OTP_MAX_ATTEMPTS} (the 6th is refused even when right, also 40 in parallel)`,
    ],
    [
      'guesses per phone per hour',
      `${OTP_MAX_ATTEMPTS * limits.phone.points} (${limits.phone.points} codes × ${OTP_MAX_ATTEMPTS}); per client IP ${limits.verifyIp.points} checks`,
    ],
    ['SMS from one client in an hour', find(/\[pumping\] one client: (\d+ SMS[^\n]*)/)],
    ['SMS under pumping', find(/\[pumping\] 1000 requests[^:]*: ([^\n]*)/)],
    ['SMS while Redis is down', find(/\[pumping\] redis down: ([^\n]*)/)],
    ['plaintext codes found (database, logs)', find(/\[otp\] plaintext codes found: (\d+)/)],
    ['responses ≥ 500 under fuzzing', find(/\[fuzz\] responses ≥ 500: (\d+[^\n]*)/)],
    [
      'staff login time vs a wrong password',
      login instanceof Error
        ? `not measured (${login.message})`
        : `unknown email ${login.ratios.unknown.toFixed(2)}×, locked ${login.ratios.locked.toFixed(2)}× (${login.medians.wrong.toFixed(0)} ms)`,
    ],
  ]
  console.log('\n== identity battery ==')
  for (const [what, value] of rows) console.log(`${what.padEnd(40)} ${value}`)
  process.exit(code ?? 1)
})
