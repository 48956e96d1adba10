import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

type Rows = { rows: Record<string, unknown>[] }
type Executor = { execute: (query: SQL) => Promise<Rows> }
type Sessions = { sessions?: Record<string | number, { db?: Executor } | undefined> }

/**
 * The Postgres connection of `req`'s open transaction, for the few guarded statements
 * (compare-and-set, counters) the Local API cannot express. Undefined outside a Postgres
 * transaction, where callers use their Local API fallback.
 */
export const transactionSql = async (req: PayloadRequest) => {
  const { sessions } = req.payload.db as unknown as Sessions
  if (!req.transactionID || !sessions) return undefined
  const session = sessions[await req.transactionID]
  const db = session?.db
  if (!db) return undefined
  return async (query: SQL) => (await db.execute(query)).rows
}

/**
 * Runs `work` with the transaction-local setting `flag` on, which the guard triggers
 * (src/migrations/sql/review.ts) require before they let guarded columns change.
 */
export const withGuardFlag = async <T>(
  run: (query: SQL) => Promise<Record<string, unknown>[]>,
  flag: 'bayanet.decision' | 'bayanet.budget',
  work: () => Promise<T>,
): Promise<T> => {
  await run(sql`SELECT set_config(${flag}, 'on', true)`)
  // On an error the transaction is rolled back, setting and all.
  const result = await work()
  await run(sql`SELECT set_config(${flag}, 'off', true)`)
  return result
}
