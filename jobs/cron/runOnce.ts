import type { Payload } from 'payload'

import { pgPool } from '../../src/lib/sql'

/** What happened to one periodic run in this process. */
export type RunOnceOutcome = 'ran' | 'ran-elsewhere' | 'busy' | 'failed'

/**
 * Runs `work` for one (job, slot) once in the whole cluster. node-cron fires in every worker;
 * each takes the job's Postgres advisory lock (so runs of one job never overlap, even a slow
 * one with the next minute's) and then claims the slot with an insert into `cron_runs`, whose
 * primary key lets exactly one process have it. The lock is a session lock on a dedicated
 * connection, released when the run ends or the process dies.
 */
export const runOncePerCluster = async (
  payload: Payload,
  job: string,
  slot: string,
  work: () => Promise<unknown>,
): Promise<RunOnceOutcome> => {
  const client = await pgPool(payload).connect()
  try {
    const lock = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [`bayanet.cron.${job}`],
    )
    if (!lock.rows[0]?.locked) return 'busy'
    try {
      const claimed = await client.query(
        `INSERT INTO cron_runs (job, slot, pid) VALUES ($1, $2, $3)
         ON CONFLICT (job, slot) DO NOTHING RETURNING job`,
        [job, slot, String(process.pid)],
      )
      if (!claimed.rowCount) return 'ran-elsewhere'
      // One line per execution: the four-worker test counts these, independently of the table.
      payload.logger.info(`periodic run ${job} ${slot} pid ${process.pid}`)
      try {
        await work()
        await client.query(
          'UPDATE cron_runs SET finished_at = now() WHERE job = $1 AND slot = $2',
          [job, slot],
        )
        return 'ran'
      } catch (err) {
        await client.query(
          'UPDATE cron_runs SET finished_at = now(), error = $3 WHERE job = $1 AND slot = $2',
          [job, slot, String((err as Error).message).slice(0, 500)],
        )
        throw err
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`bayanet.cron.${job}`])
    }
  } finally {
    client.release()
  }
}
