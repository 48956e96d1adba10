import { PostgresBackend } from '@agendajs/postgres-backend'
import { Agenda } from 'agenda'

import type { JobData, JobName } from './names'

/** The table Agenda keeps its jobs in, beside Payload's tables in the same database. */
export const AGENDA_TABLE = 'agenda_jobs'

const QUEUE_KEY = Symbol.for('bayanet.agenda')
type Holder = { [QUEUE_KEY]?: Promise<Agenda> }

/**
 * Creates Agenda's table, indexes and trigger. Called by the host under its start-up advisory
 * lock (see `startPayload`): several processes creating it at once collide in `pg_type`.
 */
export const ensureAgendaSchema = async (connectionString: string) => {
  const backend = new PostgresBackend({
    connectionString,
    tableName: AGENDA_TABLE,
    ensureSchema: true,
  })
  await backend.connect()
  await backend.disconnect()
}

/**
 * Builds an Agenda bound to our database; callers decide whether it also processes jobs. It
 * never creates the table itself (see `ensureAgendaSchema`).
 */
export const createAgenda = (connectionString: string, options: { processEvery?: string } = {}) =>
  new Agenda({
    backend: new PostgresBackend({
      connectionString,
      tableName: AGENDA_TABLE,
      ensureSchema: false,
    }),
    processEvery: options.processEvery ?? '2 seconds',
    defaultLockLifetime: 60_000,
  })

/** Makes `agenda` the one producers in this process use (the worker registers its own). */
export const useAgenda = (agenda: Agenda) => {
  ;(globalThis as Holder)[QUEUE_KEY] = agenda.ready.then(() => agenda)
}

/**
 * The process-wide Agenda for enqueuing. Kept on globalThis because Next's bundle and the
 * Express host each load this module, and they must share one connection pool.
 */
export const getAgenda = (): Promise<Agenda> => {
  const holder = globalThis as Holder
  if (!holder[QUEUE_KEY]) {
    const url = process.env.DATABASE_URL
    if (!url) throw new Error('DATABASE_URL is not set; the host sets it before serving requests')
    const agenda = createAgenda(url)
    holder[QUEUE_KEY] = agenda.ready.then(() => agenda)
  }
  return holder[QUEUE_KEY]
}

/**
 * Enqueues a job once: a second call with the same `uniqueBy` key while the first is
 * still pending changes nothing.
 */
export const enqueue = async <N extends JobName>(
  name: N,
  data: JobData[N],
  { uniqueBy, at }: { uniqueBy?: Record<string, unknown>; at?: Date | string } = {},
) => {
  const agenda = await getAgenda()
  const job = agenda.create(name, data)
  if (uniqueBy) job.unique(uniqueBy, { insertOnly: true })
  job.schedule(at ?? new Date())
  await job.save()
}
