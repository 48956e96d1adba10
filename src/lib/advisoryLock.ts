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
  const db = await sessionOf(req)
  if (!db) return false
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`)
  return true
}

/**
 * Like `lockForTransaction` without waiting: true when this transaction now holds `key`, false
 * when another one does. Undefined outside a Postgres transaction.
 */
export const tryLockForTransaction = async (req: PayloadRequest, key: string) => {
  const db = await sessionOf(req)
  if (!db) return undefined
  const result = (await db.execute(
    sql`SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS locked`,
  )) as { rows?: { locked: boolean }[] }
  return result.rows?.[0]?.locked === true
}

const sessionOf = async (req: PayloadRequest) => {
  const { sessions } = req.payload.db as unknown as Sessions
  if (!req.transactionID || !sessions) return undefined
  return sessions[await req.transactionID]?.db
}
