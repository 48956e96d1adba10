import { getPayload, type Payload } from 'payload'

import { loadPsgc } from '../../collections/Places/operations/loadPsgc'
import { ensureAgendaSchema } from '../../jobs/queue'
import { migrations } from '../migrations'
import config from '../payload.config'
import { bootstrapAdmin } from '../seed/bootstrapAdmin'
import { seedDemo } from '../seed/demo'

/** One process migrates at a time; the others wait and then find nothing to do. */
const withStartupLock = async <T>(payload: Payload, work: () => Promise<T>) => {
  const pool = (payload.db as unknown as { pool?: import('pg').Pool }).pool
  if (!pool) return work()
  const client = await pool.connect()
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('bayanet.startup'))")
    return await work()
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('bayanet.startup'))").catch(() => {})
    client.release()
  }
}

/**
 * Payload for the host process: committed migrations applied, the PSGC loaded once, the first
 * admin created, and on request the demo data.
 */
export const startPayload = async (options: {
  seedDemo: boolean
  adminEmail?: string
  adminPassword?: string
  credentialsFile: string
}) => {
  const payload = await getPayload({ config, key: 'bayanet-host' })
  // An idle connection dropped by the server must not take the process down.
  const pool = (payload.db as unknown as { pool?: import('pg').Pool }).pool
  pool?.on('error', (err) =>
    payload.logger.warn({ msg: 'idle database connection lost', err: err.message }),
  )
  await withStartupLock(payload, async () => {
    await payload.db.migrate({
      migrations: migrations as unknown as Parameters<typeof payload.db.migrate>[0] extends
        { migrations?: infer M } | undefined
        ? M
        : never,
    })
    // Agenda's table too, here under the lock, so workers can start together.
    await ensureAgendaSchema(process.env.DATABASE_URL ?? '')
    await loadPsgc(payload)
    const admin = await bootstrapAdmin(payload, options.adminEmail, options.adminPassword)
    if (options.seedDemo) {
      const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
      await seedDemo(payload, {
        credentialsFile: options.credentialsFile,
        adminExists: Boolean(admin) || totalDocs > 0,
      })
    }
  })
  return payload
}
