import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'

import { fingerprintOf, readStamp, runBuildTool, stampedBuild } from './stampedBuild'

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

/** A hash of every source file that goes into the admin bundle. */
export const sourceFingerprint = (root: string) => fingerprintOf(root, SOURCES, IGNORED)

const stampFile = (root: string) => path.join(root, '.next', 'bayanet-source.sha256')

/** True when `.next` holds a production build of the current sources. */
export const adminBuildIsCurrent = async (root: string) => {
  const stamp = await readStamp(stampFile(root))
  const built = await fs.access(path.join(root, '.next', 'BUILD_ID')).then(
    () => true,
    () => false,
  )
  return built && stamp === (await sourceFingerprint(root))
}

let running: ChildProcess | undefined

/** Stops a build this process started (on shutdown), so it does not leave `.next` half written. */
export const cancelAdminBuild = () => running?.kill('SIGTERM')

/**
 * Runs `next build` unless the build is already current, and records which sources it was
 * built from. Concurrent callers (several servers, tests) wait for one build.
 */
export const buildAdmin = (
  root: string,
  log: (line: string) => void = () => {},
  { force = false } = {},
) =>
  stampedBuild({
    lockFile: path.join(root, '.bayanet-build.lock'),
    stampFile: stampFile(root),
    fingerprint: () => sourceFingerprint(root),
    isCurrent: () => adminBuildIsCurrent(root),
    force,
    build: () =>
      runBuildTool(
        'next build',
        [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
        {
          cwd: root,
          env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
          log,
          started: (child) => (running = child),
        },
      ),
  })
