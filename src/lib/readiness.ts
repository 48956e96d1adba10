import type { Payload } from 'payload'

/** Where the host is in its start-up, for /healthz and /readyz. */
export type BootState = {
  phase: 'starting' | 'ready' | 'stopping' | 'failed'
  detail: string
  migrated?: boolean
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),
  ])

/** Ready means: booted, migrations applied, and the database answers right now. */
export const readiness = async (state: BootState, payload: Payload | undefined) => {
  const checks = {
    booted: state.phase === 'ready',
    migrations: Boolean(state.migrated),
    database: false,
  }
  if (payload) {
    const pool = (payload.db as unknown as { pool?: { query: (sql: string) => Promise<unknown> } })
      .pool
    checks.database = await withTimeout(
      pool ? pool.query('SELECT 1') : Promise.resolve(),
      2000,
    ).then(
      () => true,
      () => false,
    )
  }
  return {
    ready: checks.booted && checks.migrations && checks.database,
    phase: state.phase,
    detail: state.detail,
    checks,
  }
}
