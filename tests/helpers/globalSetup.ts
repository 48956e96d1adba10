import type { TestProject } from 'vitest/node'

import { projectRoot } from '../../src/env'
import { adminBuildIsCurrent, buildAdmin } from '../../src/lib/adminBuild'
import { buildClient } from '../../src/lib/clientBuild'
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
    ...GENEROUS_LIMITS,
  })
  project.provide('baseUrl', server.url)
  project.provide('databaseUrl', database.url)
  project.provide('payloadSecret', PAYLOAD_SECRET)
  project.provide('serverLog', server.logFile)
  return async () => {
    await server.stop()
    await database.dispose()
  }
}
