import type { Payload, PayloadRequest } from 'payload'
import type { Pool, PoolClient, QueryResultRow } from 'pg'

/** A Payload transaction's drizzle handle; its session holds the transaction's pg client. */
type Sessions = {
  sessions?: Record<string | number, { db?: { session?: { client?: PoolClient } } } | undefined>
}

/** Payload's own pg pool (Postgres adapter). */
export const pgPool = (payload: Payload): Pool => {
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (!pool) throw new Error('this needs the Postgres adapter')
  return pool
}

/**
 * Runs one parameterised statement. With a `req` inside a Payload transaction it runs on that
 * transaction's connection (so it commits or rolls back with the rest); otherwise on the pool.
 * Kept for the few hot paths that must be single guarded statements (see DESIGN.md §6).
 */
export const query = async <R extends QueryResultRow = Record<string, unknown>>(
  target: { payload: Payload; req?: PayloadRequest },
  text: string,
  params: unknown[] = [],
): Promise<R[]> => {
  const { payload, req } = target
  if (req?.transactionID) {
    const { sessions } = payload.db as unknown as Sessions
    const client = sessions?.[await req.transactionID]?.db?.session?.client
    // Never fall back to the pool here: the statement would escape the caller's transaction.
    if (!client) throw new Error('no connection for this transaction (is this Postgres?)')
    return (await client.query<R>(text, params)).rows
  }
  return (await pgPool(payload).query<R>(text, params)).rows
}
