import type { PayloadRequest } from 'payload'

type Work = () => Promise<void>
type TransactionId = string | number
type Adapter = {
  sessions?: Record<TransactionId, unknown>
  commitTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  rollbackTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  [PENDING]?: Map<TransactionId, Work[]>
}

const PENDING = Symbol.for('bayanet.beforeCommit')

/** Wraps the adapter's commit and rollback once (beside `afterCommit`'s wrapper, in any order). */
const install = (req: PayloadRequest): Map<TransactionId, Work[]> => {
  const db = req.payload.db as unknown as Adapter
  const existing = db[PENDING]
  if (existing) return existing
  const pending = new Map<TransactionId, Work[]>()
  db[PENDING] = pending
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (incoming) => {
    const id = await incoming
    const work = pending.get(id)
    pending.delete(id)
    // Inside the transaction, as its last statements; a failure here fails the commit and the
    // caller rolls back.
    for (const step of work ?? []) await step()
    await commit(id)
  }
  db.rollbackTransaction = async (incoming) => {
    const id = await incoming
    pending.delete(id)
    await rollback(id)
  }
  return pending
}

/**
 * Runs `work` inside `req`'s transaction just before it commits, once per call. For writes that
 * must take a contended lock (the audit chain's head): taken last, the lock is held only for the
 * commit, and never while this transaction waits for another lock — so no deadlock can involve
 * it. Returns false (and does nothing) when `req` has no open transaction.
 */
export const beforeCommit = async (req: PayloadRequest, work: Work): Promise<boolean> => {
  const id = req.transactionID ? await req.transactionID : undefined
  const db = req.payload.db as unknown as Adapter
  if (id === undefined || id === null || !db.sessions?.[id]) return false
  const pending = install(req)
  const list = pending.get(id) ?? []
  list.push(work)
  pending.set(id, list)
  return true
}
