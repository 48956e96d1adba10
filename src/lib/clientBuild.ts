import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { isAlive } from './process'

/** What the resident app is built from; a change to any of these needs a new `vite build`. */
const SOURCES = ['client/index.html', 'client/vite.config.ts', 'client/src', 'client/public']

const listFiles = async (entry: string): Promise<string[]> => {
  const stat = await fs.stat(entry).catch(() => undefined)
  if (!stat) return []
  if (stat.isFile()) return [entry]
  const nested = await Promise.all(
    (await fs.readdir(entry)).map((name) => listFiles(path.join(entry, name))),
  )
  return nested.flat()
}

/** A hash of the client's sources and of the locked dependency versions. */
export const clientFingerprint = async (root: string) => {
  const files = (await Promise.all(SOURCES.map((s) => listFiles(path.join(root, s))))).flat()
  files.push(path.join(root, 'package-lock.json'))
  const hash = createHash('sha256')
  for (const file of files.sort()) {
    hash.update(path.relative(root, file))
    hash.update(await fs.readFile(file))
  }
  return hash.digest('hex')
}

/** Where the built app lives; the Express host serves it at `/`. */
export const clientDist = (root: string) => path.join(root, 'client', 'dist')
const stampFile = (root: string) => path.join(clientDist(root), '.bayanet-source.sha256')
const lockFile = (root: string) => path.join(root, '.bayanet-client-build.lock')

/** True when client/dist holds a build of the current sources. */
export const clientBuildIsCurrent = async (root: string) => {
  const stamp = await fs.readFile(stampFile(root), 'utf8').catch(() => '')
  return stamp !== '' && stamp === (await clientFingerprint(root))
}

const takeLock = async (root: string) => {
  for (;;) {
    try {
      await fs.writeFile(lockFile(root), String(process.pid), { flag: 'wx' })
      return
    } catch {
      const holder = Number(await fs.readFile(lockFile(root), 'utf8').catch(() => '0'))
      if (!holder || !isAlive(holder)) await fs.rm(lockFile(root), { force: true })
      else await new Promise((resolve) => setTimeout(resolve, 300))
    }
  }
}

const runViteBuild = (root: string, log: (line: string) => void) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        path.join(root, 'client', 'vite.config.ts'),
        '--logLevel',
        'warn',
      ],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-10_000)
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(line)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`)),
    )
  })

/**
 * Builds the resident app (`vite build`, a few seconds) unless client/dist is current, and
 * stamps it. Concurrent callers (several servers, the tests) wait for one build.
 */
export const buildClient = async (
  root: string,
  log: (line: string) => void = () => {},
  { force = false } = {},
) => {
  await takeLock(root)
  try {
    if (!force && (await clientBuildIsCurrent(root))) return
    const fingerprint = await clientFingerprint(root)
    await runViteBuild(root, log)
    await fs.writeFile(stampFile(root), fingerprint)
  } finally {
    await fs.rm(lockFile(root), { force: true })
  }
}
