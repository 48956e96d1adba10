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
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { adminBuildIsCurrent } from '../src/lib/adminBuild'
import { freePort } from '../src/lib/freePort'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

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
const STOP_TIMEOUT_MS = 30_000 // the host force-exits after 25 s of its own
const BASELINE_TIMEOUT_MS = 15_000
const BUILD_TIMEOUT_MS = 600_000

// ---------------------------------------------------------------------------------------------
// Children and clean-up: everything we start is tracked here and reaped on any exit.

type Child = {
  label: string
  proc: ChildProcess
  pgid: number
  spawnedAt: number
  exited: Promise<void>
  exitInfo?: string
}

/** Process groups we created and have not yet seen empty. */
const groups = new Set<number>()
const live = new Set<Child>()
let tempDir: string | undefined
const logLines: string[] = []
const notable: string[] = []
/** Log lines worth a look: a message at error/warn level, or any failure or uncaught error. */
const NOTABLE =
  /^\s*(⨯\s*)?(\[[^\]]*\]\s*)*(error|warn|warning)\b|\b(uncaught|unhandled|failed|failure|deprecat)/i
const stripAnsi = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, '')

const note = (message: string) => console.error(`[bench] ${message}`)
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
const signalGroup = (pgid: number, signal: NodeJS.Signals | 0) => {
  try {
    process.kill(-pgid, signal)
    return true
  } catch {
    return false
  }
}

/** Names and pids of the processes still in a process group (Linux /proc; empty elsewhere). */
const groupMembers = (pgid: number): string[] => {
  let entries: string[]
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return []
  }
  const members: string[] = []
  for (const pid of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      const name = stat.slice(stat.indexOf('(') + 1, close)
      const fields = stat.slice(close + 2).split(' ') // state, ppid, pgrp, …
      if (Number(fields[2]) === pgid) members.push(`${name} (pid ${pid})`)
    } catch {
      // the process went away while we looked
    }
  }
  return members
}

type StopOptions = { dataDir?: string; handlesSigterm?: boolean }

/** Waits until nothing is left in the group; true if it emptied within `ms`. */
const groupEmptied = async (pgid: number, ms: number) => {
  const deadline = performance.now() + ms
  while (performance.now() < deadline) {
    if (!signalGroup(pgid, 0)) {
      groups.delete(pgid)
      return true
    }
    await sleep(50)
  }
  return false
}

/** Last-resort clean-up, synchronous so it also runs from process.on('exit'). */
const hardCleanup = () => {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL')
  groups.clear()
  if (tempDir) {
    // SIGKILLed processes are gone at once, but give the kernel a moment before removing files.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        fs.rmSync(tempDir, { recursive: true, force: true })
        break
      } catch {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
      }
    }
    tempDir = undefined
  }
}

/** Graceful clean-up: SIGTERM what is still running, wait (bounded), then SIGKILL the rest. */
const cleanup = async () => {
  await Promise.all(
    [...live].map(async (child) => {
      child.proc.kill('SIGTERM')
      await Promise.race([child.exited, sleep(STOP_TIMEOUT_MS)])
    }),
  )
  for (const pgid of [...groups]) {
    if (!(await groupEmptied(pgid, 3000))) note(`reaping ${groupMembers(pgid).join(', ')}`)
  }
  hardCleanup()
}

process.on('exit', hardCleanup)
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (interrupted) {
      hardCleanup()
      process.exit(130)
    }
    interrupted = true
    note(`${signal}: stopping children and removing the temp dir (again to force)…`)
    const force = setTimeout(() => process.exit(130), STOP_TIMEOUT_MS + 10_000)
    force.unref()
    void cleanup().finally(() => process.exit(130))
  })
}

/** Spawns a child in its own process group, capturing its output line by line. */
const start = (label: string, argv: string[], env: NodeJS.ProcessEnv): Child => {
  if (interrupted) throw new Error('interrupted')
  const spawnedAt = performance.now()
  const proc = spawn(process.execPath, argv, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (proc.pid === undefined) throw new Error(`could not spawn ${label}`)
  const child: Child = {
    label,
    proc,
    pgid: proc.pid,
    spawnedAt,
    exited: new Promise((resolve) => proc.once('exit', () => resolve())),
  }
  groups.add(child.pgid)
  live.add(child)
  proc.once('exit', (code, signal) => {
    child.exitInfo = signal ? `signal ${signal}` : `code ${code}`
    live.delete(child)
  })
  proc.once('error', (err) => {
    child.exitInfo = `spawn error ${err.message}`
    live.delete(child)
  })
  for (const stream of [proc.stdout, proc.stderr]) {
    if (!stream) continue
    readline.createInterface({ input: stream }).on('line', (line) => {
      const stamped = `[${label} +${Math.round(performance.now() - spawnedAt)}ms] ${line}`
      if (logLines.length < 200_000) logLines.push(stamped)
      if (NOTABLE.test(stripAnsi(line))) notable.push(stripAnsi(stamped))
      if (args.verbose && label !== 'build' && !label.startsWith('baseline')) console.error(stamped)
    })
  }
  return child
}

const tail = (label: string, n = 40) =>
  logLines
    .filter((line) => line.startsWith(`[${label} `))
    .slice(-n)
    .join('\n')

// ---------------------------------------------------------------------------------------------
// Probing

type Probe = { status: number; body: string }

const probe = (port: number, urlPath: string, timeoutMs = 5000) =>
  new Promise<Probe | undefined>((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: urlPath, agent: false, timeout: timeoutMs },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        res.on('error', () => resolve(undefined))
      },
    )
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(undefined))
  })

/** Polls until `accept` returns true; returns ms since the child's spawn, or throws. */
const pollUntil = async (
  child: Child,
  port: number,
  urlPath: string,
  deadline: number,
  intervalMs: number,
  accept: (answer: Probe | undefined, atMs: number) => boolean,
) => {
  for (;;) {
    const answer = await probe(
      port,
      urlPath,
      Math.max(100, Math.min(5000, deadline - performance.now())),
    )
    const at = performance.now() - child.spawnedAt
    if (accept(answer, at)) return at
    if (child.exitInfo) {
      throw new Error(`${child.label} exited (${child.exitInfo}) before ${urlPath} answered 200`)
    }
    if (performance.now() > deadline) {
      throw new Error(
        `${child.label}: no 200 from ${urlPath} within ${Math.round(deadline - child.spawnedAt)} ms`,
      )
    }
    await sleep(intervalMs)
  }
}

/**
 * SIGTERM, wait (bounded) for exit and for its process group to empty. Returns ms to exit, and
 * whether it went cleanly (exit code 0, nothing left behind) for a child that handles SIGTERM.
 */
const stop = async (child: Child, { dataDir, handlesSigterm = true } = {} as StopOptions) => {
  const sentAt = performance.now()
  if (!child.exitInfo) child.proc.kill('SIGTERM')
  const exitedInTime = await Promise.race([
    child.exited.then(() => true),
    sleep(STOP_TIMEOUT_MS).then(() => false),
  ])
  const stopMs = performance.now() - sentAt
  const problems: string[] = []
  if (!exitedInTime) problems.push(`did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM`)
  else if (handlesSigterm && child.exitInfo !== 'code 0')
    problems.push(`exited with ${child.exitInfo}`)
  if (!(await groupEmptied(child.pgid, 5000))) {
    problems.push(`left running: ${groupMembers(child.pgid).join(', ') || 'something'}`)
    // Postgres first, gracefully, so a warm start after this is not measuring crash recovery.
    const pidFile = dataDir && path.join(dataDir, 'postgres', 'postmaster.pid')
    let pid = 0
    try {
      if (pidFile) pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) || 0
    } catch {
      // no pid file: Postgres is not what is left
    }
    if (pid && isAlive(pid)) process.kill(pid, 'SIGINT')
    if (!(await groupEmptied(child.pgid, 10_000))) {
      signalGroup(child.pgid, 'SIGKILL')
      await groupEmptied(child.pgid, 5000)
    }
  }
  for (const problem of problems) note(`${child.label}: ${problem}`)
  return { stopMs, clean: problems.length === 0 }
}

// ---------------------------------------------------------------------------------------------
// Measurements

const baselineSample = async (index: number) => {
  const port = await freePort()
  const child = start(
    `baseline#${index}`,
    ['-e', "require('http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT)"],
    { ...process.env, PORT: String(port) },
  )
  try {
    const deadline = child.spawnedAt + BASELINE_TIMEOUT_MS
    return await pollUntil(child, port, '/', deadline, 2, (answer) => answer?.status === 200)
  } finally {
    await stop(child, { handlesSigterm: false })
  }
}

type Phase = { detail: string; ms: number }
type HostRun = {
  label: string
  healthzMs: number
  readyzMs: number
  stopMs: number
  phases: Phase[]
  built: boolean
  clean: boolean
}

const hostRun = async (label: string, dataDir: string): Promise<HostRun> => {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    BAYANET_DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: '1',
  }
  delete env.DATABASE_URL
  delete env.BAYANET_ROLE // both halves, as `npm start`
  delete env.SEED_DEMO // --demo decides
  const stale = !(await adminBuildIsCurrent(root))
  note(
    `${label}: starting the host on port ${port}` +
      (stale ? ' (.next is stale: this start will run next build)…' : '…'),
  )
  const child = start(label, ['--import', 'tsx', 'src/server.ts', '--demo'], env)
  const deadline = child.spawnedAt + startTimeoutMs
  const seen: { detail: string; at: number }[] = []
  try {
    const healthzMs = await pollUntil(
      child,
      port,
      '/healthz',
      deadline,
      5,
      (a) => a?.status === 200,
    )
    const readyzMs = await pollUntil(child, port, '/readyz', deadline, 25, (answer, at) => {
      if (!answer) return false
      let detail = `HTTP ${answer.status}`
      try {
        detail = String((JSON.parse(answer.body) as { detail?: unknown }).detail ?? detail)
      } catch {
        // not JSON: keep the status
      }
      if (seen.at(-1)?.detail !== detail) seen.push({ detail, at })
      return answer.status === 200
    })
    const phases: Phase[] = [{ detail: 'spawn → /healthz 200', ms: healthzMs }]
    for (let i = 0; i < seen.length; i++) {
      if (seen[i].detail === 'ready') continue
      phases.push({ detail: seen[i].detail, ms: (seen[i + 1]?.at ?? readyzMs) - seen[i].at })
    }
    const built =
      stale ||
      seen.some((s) => /build/i.test(s.detail)) ||
      logLines.some((line) => line.startsWith(`[${label} `) && /next build/.test(line))
    const { stopMs, clean } = await stop(child, { dataDir })
    note(
      `${label}: /healthz ${Math.round(healthzMs)} ms, /readyz ${Math.round(readyzMs)} ms, ` +
        `stop ${Math.round(stopMs)} ms${built ? ' (included next build)' : ''}`,
    )
    return { label, healthzMs, readyzMs, stopMs, phases, built, clean }
  } catch (err) {
    console.error(`--- last lines of ${label}'s output ---\n${tail(label)}\n---`)
    throw err
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const ms = (x: number) => Math.round(x).toLocaleString('en-US')
const ratio = (x: number, base: number) => {
  const r = x / base
  return `${r >= 100 ? Math.round(r).toLocaleString('en-US') : r.toFixed(1)}×`
}
const table = (rows: string[][], rightAligned: (col: number) => boolean) => {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)))
  const fmt = (row: string[]) =>
    row
      .map((cell, col) =>
        rightAligned(col) ? cell.padStart(widths[col]) : cell.padEnd(widths[col]),
      )
      .join('  ')
      .trimEnd()
  return [
    fmt(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(fmt),
  ].join('\n')
}

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

  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bayanet-bench-'))
  fs.chmodSync(tempDir, 0o755) // as root, Postgres runs as the `postgres` user and must reach it
  const dataDir = tempDir

  const baseline: number[] = []
  const sampleBaseline = async () => {
    for (let i = 0; i < baselineSamples; i++)
      baseline.push(await baselineSample(baseline.length + 1))
  }

  await sampleBaseline()
  const cold = await hostRun('cold', dataDir)
  const warm: HostRun[] = []
  for (let i = 1; i <= warmRuns; i++) {
    await sampleBaseline()
    warm.push(await hostRun(`warm#${i}`, dataDir))
  }

  const base = median(baseline)
  const row = (label: string, r: Pick<HostRun, 'healthzMs' | 'readyzMs' | 'stopMs'>) => [
    label,
    ms(r.healthzMs),
    ratio(r.healthzMs, base),
    ms(r.readyzMs),
    ratio(r.readyzMs, base),
    ms(r.stopMs),
  ]
  const mark = (r: HostRun) => `${r.label}${r.built ? ' *' : ''}${r.clean ? '' : ' !'}`
  const warmMedian = {
    healthzMs: median(warm.map((r) => r.healthzMs)),
    readyzMs: median(warm.map((r) => r.readyzMs)),
    stopMs: median(warm.map((r) => r.stopMs)),
  }
  const rows = [
    ['start', '/healthz ms', '×base', '/readyz ms', '×base', 'stop ms'],
    [`baseline (median of ${baseline.length})`, ms(base), '1.0×', '', '', ''],
    row(`${mark(cold)} (initdb, migrate, PSGC, seed)`, cold),
    row(`warm (median of ${warm.length})`, warmMedian),
    ...(warm.length > 1 ? warm.map((r) => row(`  ${mark(r)}`, r)) : []),
  ]

  // Time per /readyz phase: cold, and the median over warm starts.
  const details = [
    ...new Set([...cold.phases, ...warm.flatMap((r) => r.phases)].map((p) => p.detail)),
  ]
  const phaseOf = (r: HostRun, detail: string) => r.phases.find((p) => p.detail === detail)?.ms
  const phaseRows = [
    ['phase (from /readyz detail)', 'cold ms', '×base', 'warm ms (median)', '×base'],
  ]
  for (const detail of details) {
    const c = phaseOf(cold, detail)
    const ws = warm.map((r) => phaseOf(r, detail)).filter((x): x is number => x !== undefined)
    const w = ws.length ? median(ws) : undefined
    phaseRows.push([
      detail,
      c === undefined ? '' : ms(c),
      c === undefined ? '' : ratio(c, base),
      w === undefined ? '' : ms(w),
      w === undefined ? '' : ratio(w, base),
    ])
  }

  const cpus = os.cpus()
  console.log(
    `\nBayanet startup — node ${process.version}, ${os.platform()} ${os.arch()}, ` +
      `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, load ${os.loadavg()[0].toFixed(2)}`,
  )
  console.log(
    `baseline: bare \`node -e\` HTTP server, spawn → first 200 (median of ${baseline.length}: ` +
      `${baseline.map(ms).join(', ')} ms); ×base = ms / baseline\n`,
  )
  console.log(table(rows, (col) => col > 0))
  console.log()
  console.log(table(phaseRows, (col) => col > 0))
  const footnotes = [
    cold.built || warm.some((r) => r.built)
      ? '* this start ran `next build` (.next was stale); its /readyz includes the build'
      : '',
    !cold.clean || warm.some((r) => !r.clean)
      ? '! this start did not stop cleanly (see [bench] lines on stderr)'
      : '',
  ].filter(Boolean)
  if (footnotes.length) console.log(`\n${footnotes.join('\n')}`)

  if (notable.length) {
    // Same message, which starts: "error: … (cold ×7, warm#1 ×6)".
    const byMessage = new Map<string, Map<string, number>>()
    for (const line of notable) {
      const [, label, message] = /^\[(\S+) \+\d+ms\] (.*)$/.exec(line) ?? ['', '?', line]
      const key = message
        .replace(/\d{2}:\d{2}:\d{2}/g, 'hh:mm:ss')
        .trim()
        .slice(0, 200)
      const labels = byMessage.get(key) ?? new Map<string, number>()
      labels.set(label, (labels.get(label) ?? 0) + 1)
      byMessage.set(key, labels)
    }
    note(`host output worth a look (${notable.length} lines; --log FILE keeps all of it):`)
    for (const [message, labels] of [...byMessage].slice(0, 10)) {
      const where = [...labels].map(([label, n]) => `${label} ×${n}`).join(', ')
      console.error(`  ${message}  (${where})`)
    }
  }
}

let exitCode = 0
try {
  await main()
} catch (err) {
  exitCode = 1
  console.error(`[bench] failed: ${err instanceof Error ? err.message : String(err)}`)
} finally {
  if (!interrupted) {
    if (args.log) {
      fs.writeFileSync(args.log, `${logLines.join('\n')}\n`)
      note(`children's output written to ${args.log}`)
    }
    await cleanup()
    process.exit(exitCode)
  }
}
