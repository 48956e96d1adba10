import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { startEmbeddedPostgres } from '../../src/lib/embeddedPostgres'

/** A database made for one test run, and how to throw it away. */
export type TestDatabase = { url: string; dispose: () => Promise<void> }

/**
 * With DATABASE_URL (CI, or a developer's server): a fresh database on that server.
 * Without: embedded Postgres in a temporary folder.
 */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const serverUrl = process.env.DATABASE_URL
  const name = `bayanet_test_${Date.now()}_${randomBytes(3).toString('hex')}`
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    return {
      url: url.toString(),
      dispose: async () => {
        const client = new pg.Client({ connectionString: serverUrl })
        await client.connect()
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        await client.end()
      },
    }
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bayanet-test-pg-'))
  await fs.chmod(dir, 0o755) // the postgres system user must reach it when we run as root
  const embedded = await startEmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    database: name,
    log: () => {},
  })
  return {
    url: embedded.url,
    dispose: async () => {
      await embedded.stop()
      await fs.rm(dir, { recursive: true, force: true })
    },
  }
}
