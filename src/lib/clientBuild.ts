import path from 'node:path'

import { fingerprintOf, readStamp, runBuildTool, stampedBuild } from './stampedBuild'

/** What the resident app is built from; a change to any of these needs a new `vite build`. */
const SOURCES = [
  'client/index.html',
  'client/vite.config.ts',
  'client/src',
  'client/public',
  'package-lock.json',
]

/** A hash of the client's sources and of the locked dependency versions. */
export const clientFingerprint = (root: string) => fingerprintOf(root, SOURCES)

/** Where the built app lives; the Express host serves it at `/`. */
export const clientDist = (root: string) => path.join(root, 'client', 'dist')
const stampFile = (root: string) => path.join(clientDist(root), '.bayanet-source.sha256')

/** True when client/dist holds a build of the current sources. */
export const clientBuildIsCurrent = async (root: string) => {
  const stamp = await readStamp(stampFile(root))
  return stamp !== '' && stamp === (await clientFingerprint(root))
}

/**
 * Builds the resident app (`vite build`, a few seconds) unless client/dist is current, and
 * stamps it. Concurrent callers (several servers, the tests) wait for one build.
 */
export const buildClient = (
  root: string,
  log: (line: string) => void = () => {},
  { force = false } = {},
) =>
  stampedBuild({
    lockFile: path.join(root, '.bayanet-client-build.lock'),
    stampFile: stampFile(root),
    fingerprint: () => clientFingerprint(root),
    isCurrent: () => clientBuildIsCurrent(root),
    force,
    build: () =>
      runBuildTool(
        'vite build',
        [
          path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
          'build',
          '--config',
          path.join(root, 'client', 'vite.config.ts'),
          '--logLevel',
          'warn',
        ],
        { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, log },
      ),
  })
