import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }
type Sessions = { sessions?: Record<string | number, { db?: Executor } | undefined> }

/**
 * Serialises concurrent requests that touch the same `key`: takes a Postgres advisory lock held
 * until `req`'s transaction ends. Returns false (and locks nothing) outside a Postgres
 * transaction, where callers fall back to their checks in code.
 */
export const lockForTransaction = async (req: PayloadRequest, key: string) => {
  const { sessions } = req.payload.db as unknown as Sessions
  if (!req.transactionID || !sessions) return false
  const session = sessions[await req.transactionID]
  if (!session?.db) return false
  await session.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`)
  return true
}
