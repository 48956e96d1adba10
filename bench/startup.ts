/**
 * Startup benchmark for the Bayanet host (`src/server.ts --demo`, i.e. `npm start`).
 *
 * What it measures, each from spawn of `node --import tsx src/server.ts --demo`:
 * - /healthz: until the first 200 (the port is open; what a load balancer or container probe sees);
 * - /readyz: until the first 200 (embedded Postgres up, migrations applied, PSGC loaded, demo
 *   seeded, job worker and Next.js started: the host can serve real traffic);
 * - stop: from SIGTERM until the process has exited (embedded Postgres stopped too).
 * once for a cold start (fresh data dir: initdb + migrations + 43,767 PSGC places + demo seed)
 * and `--runs` times (default 3, median reported) for a warm start on the same data dir.
 * Each /readyz phase ("detail") is timed too, so a slow phase shows up by name.
 *
 * Why: start-up is what every deploy, restart and test run pays. Machines differ, so following
 * the project's rule every number is also printed as a ratio against a baseline measured in the
 * same run: a bare `node -e` HTTP server's spawn → first 200 (the floor any Node host pays).
 * There are no thresholds; compare ratios between runs and commits.
 *
 * Everything runs on a free loopback port and a fresh temporary data dir (removed on exit), with
 * DATABASE_URL unset so the host uses its own embedded Postgres. Children run in their own
 * process group and are always reaped, also on failure and Ctrl-C; every wait is bounded.
 *
 * Usage: npx tsx bench/startup.ts [--runs 3] [--timeout 180] [--prebuild] [--log FILE] [--verbose]
 */
import { parseArgs } from 'node:util'

import { adminBuildIsCurrent } from '../src/lib/adminBuild'
import {
  cleanup,
  installCleanupHandlers,
  isInterrupted,
  makeTempDir,
  root,
  sleep,
  start,
  stop,
} from './lib/children'
import { note, reportNotable, tail, writeLog } from './lib/output'
import { printReport } from './lib/report'
import { baselineSample, hostRun, type HostRun } from './lib/runs'

const usage = `Usage: npx tsx bench/startup.ts [options]
  --runs N          warm starts to time (median reported; default 3)
  --timeout S       seconds allowed for one start to reach /readyz (default 180)
  --baseline N      baseline samples taken before each host start (default 2)
  --prebuild        if .next is stale, build it first (otherwise the first start builds it, timed)
  --log FILE        write every child's output, stamped with ms since its spawn, to FILE
  --verbose         also stream the host's output to stderr`

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    timeout: { type: 'string', default: '180' },
    baseline: { type: 'string', default: '2' },
    prebuild: { type: 'boolean', default: false },
    log: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (args.help) {
  console.log(usage)
  process.exit(0)
}
const positiveInt = (name: string, value: string, min: number) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be an integer >= ${min} (got "${value}")\n${usage}`)
    process.exit(2)
  }
  return n
}
const warmRuns = positiveInt('runs', args.runs, 1)
const startTimeoutMs = positiveInt('timeout', args.timeout, 1) * 1000
const baselineSamples = positiveInt('baseline', args.baseline, 1)
const BUILD_TIMEOUT_MS = 600_000

installCleanupHandlers()

const main = async () => {
  if (!(await adminBuildIsCurrent(root))) {
    if (args.prebuild) {
      note('.next is stale: building it first with `npx tsx src/build.ts`…')
      const build = start('build', ['--import', 'tsx', 'src/build.ts'], process.env)
      const done = await Promise.race([build.exited.then(() => true), sleep(BUILD_TIMEOUT_MS)])
      if (!done || build.exitInfo !== 'code 0') {
        if (!done) await stop(build)
        throw new Error(
          `the build ${done ? `failed (${build.exitInfo})` : `took over ${BUILD_TIMEOUT_MS / 1000} s`}` +
            `\n${tail('build')}`,
        )
      }
    } else {
      note(
        '.next is stale or missing: the first start will run `next build` and its time will show ' +
          'in /readyz (use --prebuild, or `npx tsx src/build.ts` first, to leave it out).',
      )
    }
  }

  const dataDir = makeTempDir()
  const hostOptions = { timeoutMs: startTimeoutMs, verbose: args.verbose }

  const baseline: number[] = []
  const sampleBaseline = async () => {
    for (let i = 0; i < baselineSamples; i++)
      baseline.push(await baselineSample(baseline.length + 1))
  }

  await sampleBaseline()
  const cold = await hostRun('cold', dataDir, hostOptions)
  const warm: HostRun[] = []
  for (let i = 1; i <= warmRuns; i++) {
    await sampleBaseline()
    warm.push(await hostRun(`warm#${i}`, dataDir, hostOptions))
  }

  printReport(baseline, cold, warm)
  reportNotable()
}

let exitCode = 0
try {
  await main()
} catch (err) {
  exitCode = 1
  console.error(`[bench] failed: ${err instanceof Error ? err.message : String(err)}`)
} finally {
  if (!isInterrupted()) {
    if (args.log) writeLog(args.log)
    await cleanup()
    process.exit(exitCode)
  }
}
