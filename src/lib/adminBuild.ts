import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/** What the admin bundle is built from; a change to any of these needs a new `next build`. */
const SOURCES = ['src', 'collections', 'hooks', 'jobs', 'providers', 'next.config.mjs', 'package-lock.json']
const IGNORED = new Set(['node_modules', '.next', 'migrations'])

const listFiles = async (entry: string): Promise<string[]> => {
  const stat = await fs.stat(entry).catch(() => undefined)
  if (!stat) return []
  if (stat.isFile()) return [entry]
  const children = await fs.readdir(entry)
  const nested = await Promise.all(
    children.filter((name) => !IGNORED.has(name)).map((name) => listFiles(path.join(entry, name))),
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

/** True when `.next` holds a production build of the current sources. */
export const adminBuildIsCurrent = async (root: string) => {
  const stamp = await fs.readFile(stampFile(root), 'utf8').catch(() => '')
  const built = await fs.access(path.join(root, '.next', 'BUILD_ID')).then(() => true, () => false)
  return built && stamp === (await sourceFingerprint(root))
}

/** Runs `next build` and records which sources it was built from. */
export const buildAdmin = async (root: string, log: (line: string) => void = () => {}) => {
  const fingerprint = await sourceFingerprint(root)
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000)
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(line)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${output}`)),
    )
  })
  await fs.writeFile(stampFile(root), fingerprint)
}
