import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

import { projectRoot } from '../../src/env'
import { adminBuildIsCurrent, buildAdmin } from '../../src/lib/adminBuild'
import { buildClient } from '../../src/lib/clientBuild'
import { scanLogFiles } from '../../src/privacy/logScan'
import { createTestDatabase } from './testDatabase'
import { startTestServer } from './testServer'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    databaseUrl: string
    payloadSecret: string
    serverLog: string
  }
}

const PAYLOAD_SECRET = 'bayanet-test-secret-0123456789abcdef'
/** The token Xendit would send with its webhooks; specs sign their webhooks with it. */
export const XENDIT_CALLBACK_TOKEN = 'bayanet-test-xendit-callback-token'

/**
 * The shared server signs in many residents from 127.0.0.1: its per-client, per-prefix and
 * budget limits are off (the per-phone pacing stays real). Specs about the limits start their
 * own server with tight ones.
 */
export const GENEROUS_LIMITS = {
  OTP_IP_LIMIT: '0',
  OTP_PREFIX_LIMIT: '0',
  OTP_VERIFY_IP_LIMIT: '0',
  SMS_HOURLY_BUDGET: '0',
}

/** One database and one running host for the whole run; torn down at the end. */
export default async function setup(project: TestProject) {
  // Every server started in this run (here or by a spec) lists its log file here.
  const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bayanet-test-logs-')), 'logs')
  fs.writeFileSync(manifest, '')
  process.env.BAYANET_TEST_LOG_MANIFEST = manifest
  const database = await createTestDatabase()
  if (!(await adminBuildIsCurrent(projectRoot))) {
    console.log('[tests] building the admin (next build) once for this checkout…')
    await buildAdmin(projectRoot)
  }
  await buildClient(projectRoot)
  const server = await startTestServer({
    DATABASE_URL: database.url,
    PAYLOAD_SECRET,
    XENDIT_CALLBACK_TOKEN,
    // Specs submit many times as one resident; the daily limit has its own server in its spec.
    SUBMISSIONS_PER_DAY: '1000',
    // As behind one reverse proxy: a spec may speak for a client address with X-Forwarded-For.
    TRUST_PROXY: '1',
    ...GENEROUS_LIMITS,
  })
  project.provide('baseUrl', server.url)
  project.provide('databaseUrl', database.url)
  project.provide('payloadSecret', PAYLOAD_SECRET)
  project.provide('serverLog', server.logFile)
  return async () => {
    await server.stop()
    await database.dispose()
    await assertLogsClean(manifest)
  }
}

/**
 * The whole suite's server logs, scanned once every spec has run: no full phone number, no
 * JWT, no one-time code next to the word "code". A finding fails the run.
 */
const assertLogsClean = async (manifest: string) => {
  const files = fs.readFileSync(manifest, 'utf8').split('\n').filter(Boolean)
  const findings = await scanLogFiles(files)
  if (process.env.BAYANET_LOG_SCAN_REPORT) {
    fs.writeFileSync(process.env.BAYANET_LOG_SCAN_REPORT, JSON.stringify({ files, findings }))
  }
  if (findings.length) {
    const lines = findings
      .slice(0, 20)
      .map((f) => `  ${f.kind} at ${f.file}:${f.line} (${f.excerpt})`)
    throw new Error(`personal data in the server logs (${findings.length}):\n${lines.join('\n')}`)
  }
}
