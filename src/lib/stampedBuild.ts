import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { isAlive } from './process'

const listFiles = async (entry: string, ignored: Set<string>): Promise<string[]> => {
  const stat = await fs.stat(entry).catch(() => undefined)
  if (!stat) return []
  if (stat.isFile()) return [entry]
  const nested = await Promise.all(
    (await fs.readdir(entry))
      .filter((name) => !ignored.has(name) && !name.endsWith('.test.ts'))
      .map((name) => listFiles(path.join(entry, name), ignored)),
  )
  return nested.flat()
}

/** A hash of every file under `sources` (paths relative to `root`), names included. */
export const fingerprintOf = async (
  root: string,
  sources: string[],
  ignored: Set<string> = new Set(),
) => {
  const lists = await Promise.all(sources.map((s) => listFiles(path.join(root, s), ignored)))
  const hash = createHash('sha256')
  for (const file of lists.flat().sort()) {
    hash.update(path.relative(root, file))
    hash.update(await fs.readFile(file))
  }
  return hash.digest('hex')
}

/** Takes a lock file holding our pid; waits while a live process holds it, steals a dead one's. */
const takeLock = async (lockFile: string) => {
  for (;;) {
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' })
      return
    } catch {
      const holder = Number(await fs.readFile(lockFile, 'utf8').catch(() => '0'))
      if (!holder || !isAlive(holder)) await fs.rm(lockFile, { force: true })
      else await new Promise((resolve) => setTimeout(resolve, 400))
    }
  }
}

/** Runs a build tool under node, passing each output line to `log`; its tail goes in errors. */
export const runBuildTool = (
  name: string,
  argv: string[],
  {
    cwd,
    env,
    log,
    started,
  }: {
    cwd: string
    env: NodeJS.ProcessEnv
    log: (line: string) => void
    started?: (child: ChildProcess | undefined) => void
  },
) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    started?.(child)
    let output = ''
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000)
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(line)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code) => {
      started?.(undefined)
      if (code === 0) resolve()
      else reject(new Error(`${name} failed (exit ${code}):\n${output}`))
    })
  })

/**
 * Builds unless `isCurrent` says the output matches the sources, then stamps the output with
 * the fingerprint it was built from. Concurrent callers (servers, tests) wait for one build.
 */
export const stampedBuild = async ({
  lockFile,
  stampFile,
  fingerprint,
  isCurrent,
  build,
  force = false,
}: {
  lockFile: string
  stampFile: string
  fingerprint: () => Promise<string>
  isCurrent: () => Promise<boolean>
  build: () => Promise<void>
  force?: boolean
}) => {
  await takeLock(lockFile)
  try {
    if (!force && (await isCurrent())) return
    const sources = await fingerprint()
    await build()
    await fs.writeFile(stampFile, sources)
  } finally {
    await fs.rm(lockFile, { force: true })
  }
}

/** The fingerprint a build was stamped with, or '' when it has none. */
export const readStamp = (stampFile: string) => fs.readFile(stampFile, 'utf8').catch(() => '')
