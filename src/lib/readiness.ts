import type { Payload } from 'payload'

/** Where the host is in its start-up, for /healthz and /readyz. */
export type BootState = {
  phase: 'starting' | 'ready' | 'stopping' | 'failed'
  detail: string
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),
  ])

type Queryable = { query: (sql: string) => Promise<{ rows: { name: string }[] }> }

/** Ready means: booted, the database answers right now, and it has every committed migration. */
export const readiness = async (state: BootState, payload: Payload | undefined) => {
  const checks = { booted: state.phase === 'ready', database: false, migrations: false }
  const pool = (payload?.db as unknown as { pool?: Queryable } | undefined)?.pool
  if (pool) {
    try {
      const { rows } = await withTimeout(pool.query('SELECT name FROM payload_migrations'), 2000)
      checks.database = true
      // Loaded here, not at the top: the migrations pull in the database adapter, and the host
      // must answer /healthz before that has loaded.
      const { migrations } = await import('../migrations')
      const applied = new Set(rows.map((row) => row.name))
      checks.migrations = migrations.every((migration) => applied.has(migration.name))
    } catch {
      // unreachable or not migrated yet: both checks stay false
    }
  }
  return {
    ready: checks.booted && checks.database && checks.migrations,
    phase: state.phase,
    detail: state.detail,
    checks,
  }
}
