/** The measurements: a bare Node baseline sample, and one timed start and stop of the host. */
import { adminBuildIsCurrent } from '../../src/lib/adminBuild'
import { freePort } from '../../src/lib/freePort'
import { root, start, stop } from './children'
import { note, printed, tail } from './output'
import { pollUntil } from './probe'

const BASELINE_TIMEOUT_MS = 15_000

/** Time spent in one /readyz phase, named by the host's `detail`. */
export type Phase = { detail: string; ms: number }
/** The timings of one host start and stop. */
export type HostRun = {
  label: string
  healthzMs: number
  readyzMs: number
  stopMs: number
  phases: Phase[]
  built: boolean
  clean: boolean
}

/** Ms from spawn to the first 200 of a bare `node -e` HTTP server. */
export const baselineSample = async (index: number) => {
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

/** Starts the host on `dataDir`, times /healthz, /readyz (by phase) and stop. */
export const hostRun = async (
  label: string,
  dataDir: string,
  { timeoutMs, verbose }: { timeoutMs: number; verbose: boolean },
): Promise<HostRun> => {
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
  const child = start(label, ['--import', 'tsx', 'src/server.ts', '--demo'], env, verbose)
  const deadline = child.spawnedAt + timeoutMs
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
    const built = stale || seen.some((s) => /build/i.test(s.detail)) || printed(label, /next build/)
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
