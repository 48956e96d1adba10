import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { isAlive } from './process'

/** What the admin bundle is built from; a change to any of these needs a new `next build`. */
const SOURCES = [
  'src',
  'collections',
  'hooks',
  'jobs',
  'providers',
  'next.config.mjs',
  'package-lock.json',
]
const IGNORED = new Set(['node_modules', '.next', 'migrations', 'server.ts', 'build.ts'])

const listFiles = async (entry: string): Promise<string[]> => {
  const stat = await fs.stat(entry).catch(() => undefined)
  if (!stat) return []
  if (stat.isFile()) return [entry]
  const children = await fs.readdir(entry)
  const nested = await Promise.all(
    children
      .filter((name) => !IGNORED.has(name) && !name.endsWith('.test.ts'))
      .map((name) => listFiles(path.join(entry, name))),
  )
  return nested.flat()
}

/** A hash of every source file that goes into the admin bundle. */
export const sourceFingerprint = async (root: string) => {
  const files = (await Promise.all(SOURCES.map((s) => listFiles(path.join(root, s))))).flat().sort()
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(path.relative(root, file))
    hash.update(await fs.readFile(file))
  }
  return hash.digest('hex')
}

const stampFile = (root: string) => path.join(root, '.next', 'bayanet-source.sha256')
const lockFile = (root: string) => path.join(root, '.bayanet-build.lock')

/** True when `.next` holds a production build of the current sources. */
export const adminBuildIsCurrent = async (root: string) => {
  const stamp = await fs.readFile(stampFile(root), 'utf8').catch(() => '')
  const built = await fs.access(path.join(root, '.next', 'BUILD_ID')).then(
    () => true,
    () => false,
  )
  return built && stamp === (await sourceFingerprint(root))
}

/** Only one `next build` may write `.next` at a time; others wait for it. */
const takeBuildLock = async (root: string) => {
  for (;;) {
    try {
      await fs.writeFile(lockFile(root), String(process.pid), { flag: 'wx' })
      return
    } catch {
      const holder = Number(await fs.readFile(lockFile(root), 'utf8').catch(() => '0'))
      if (!holder || !isAlive(holder)) await fs.rm(lockFile(root), { force: true })
      else await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
}

let running: ChildProcess | undefined

/** Stops a build this process started (on shutdown), so it does not leave `.next` half written. */
export const cancelAdminBuild = () => running?.kill('SIGTERM')

const runNextBuild = (root: string, log: (line: string) => void) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    running = child
    let output = ''
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000)
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(line)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code) => {
      running = undefined
      if (code === 0) resolve()
      else reject(new Error(`next build failed (exit ${code}):\n${output}`))
    })
  })

/**
 * Runs `next build` unless the build is already current, and records which sources it was
 * built from. Concurrent callers (several servers, tests) wait for one build.
 */
export const buildAdmin = async (
  root: string,
  log: (line: string) => void = () => {},
  { force = false } = {},
) => {
  await takeBuildLock(root)
  try {
    if (!force && (await adminBuildIsCurrent(root))) return
    const fingerprint = await sourceFingerprint(root)
    await runNextBuild(root, log)
    await fs.writeFile(stampFile(root), fingerprint)
  } finally {
    await fs.rm(lockFile(root), { force: true })
  }
}
