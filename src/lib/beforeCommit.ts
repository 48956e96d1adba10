import type { PayloadRequest } from 'payload'

type Work = () => Promise<void>
type TransactionId = string | number
type Adapter = {
  sessions?: Record<TransactionId, unknown>
  commitTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  rollbackTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  [PENDING]?: Map<TransactionId, Work[]>
  [COMMITTED]?: Map<TransactionId, Work[]>
}

const PENDING = Symbol.for('bayanet.beforeCommit')
const COMMITTED = Symbol.for('bayanet.onCommitted')

/** Wraps the adapter's commit and rollback once (beside `afterCommit`'s wrapper, in any order). */
const install = (req: PayloadRequest): Map<TransactionId, Work[]> => {
  const db = req.payload.db as unknown as Adapter
  const existing = db[PENDING]
  if (existing) return existing
  const pending = new Map<TransactionId, Work[]>()
  const committed = new Map<TransactionId, Work[]>()
  db[PENDING] = pending
  db[COMMITTED] = committed
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
    const effects = committed.get(id)
    committed.delete(id)
    for (const effect of effects ?? []) {
      // Committed already: a failed side effect is logged and left to the sweeps.
      await effect().catch((err) =>
        req.payload.logger.error({ msg: 'after-commit effect failed', err }),
      )
    }
  }
  db.rollbackTransaction = async (incoming) => {
    const id = await incoming
    pending.delete(id)
    committed.delete(id)
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

/**
 * Runs `effect` (enqueue a job) after `req`'s transaction commits, never if it rolls back; at
 * once when there is no transaction. (Review's `afterCommit` does the same for its code.)
 */
export const onCommitted = async (req: PayloadRequest, effect: Work): Promise<void> => {
  const id = req.transactionID ? await req.transactionID : undefined
  const db = req.payload.db as unknown as Adapter
  if (id === undefined || id === null || !db.sessions?.[id]) return void (await effect())
  install(req)
  const committed = db[COMMITTED]!
  committed.set(id, [...(committed.get(id) ?? []), effect])
}
