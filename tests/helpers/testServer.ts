import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { projectRoot } from '../../src/env'
import { freePort } from '../../src/lib/freePort'

/** A Bayanet host started for tests, in its own process, exactly as `npm start` runs it. */
export type TestServer = {
  url: string
  logFile: string
  pid: number
  stop: () => Promise<void>
  /** SIGKILL, as a crash would: no draining, no cleanup. */
  kill: () => Promise<void>
}

const waitForReady = async (url: string, child: ChildProcess, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`)
    const ok = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`server not ready after ${timeoutMs} ms`)
}

/** Starts `src/server.ts` against `databaseUrl` and waits for /readyz. */
export const startTestServer = async (env: Record<string, string>): Promise<TestServer> => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bayanet-test-data-'))
  const logFile = path.join(dataDir, 'server.log')
  const log = fs.openSync(logFile, 'a')
  // The run scans every server's log for personal data at the end (see globalSetup).
  const manifest = process.env.BAYANET_TEST_LOG_MANIFEST
  if (manifest) fs.appendFileSync(manifest, `${logFile}\n`)
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      // Each server its own rate-limit keys, so runs sharing a Redis never see each other's.
      RATE_LIMIT_PREFIX: `test-${port}-${Date.now().toString(36)}`,
      // Specs sign many residents in from 127.0.0.1: per-client, per-prefix and budget limits
      // are off unless a spec (pumping) sets tight ones; the per-phone pacing stays on.
      OTP_IP_LIMIT: '0',
      OTP_PREFIX_LIMIT: '0',
      OTP_VERIFY_IP_LIMIT: '0',
      SMS_HOURLY_BUDGET: '0',
      ...env,
      PORT: String(port),
      BAYANET_DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', log, log],
  })
  try {
    await waitForReady(url, child, 240_000)
  } catch (err) {
    child.kill('SIGKILL')
    const tail = fs.readFileSync(logFile, 'utf8').slice(-6000)
    throw new Error(`${(err as Error).message}\n--- server log ---\n${tail}`)
  }
  return {
    url,
    logFile,
    pid: child.pid!,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
      fs.closeSync(log)
    },
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
      fs.closeSync(log)
    },
  }
}
