import type { PayloadRequest } from 'payload'

type Effect = () => unknown | Promise<unknown>
type TransactionId = string | number
type Adapter = {
  sessions?: Record<TransactionId, unknown>
  commitTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  rollbackTransaction: (id: TransactionId | Promise<TransactionId>) => Promise<void>
  [PENDING]?: Map<TransactionId, Effect[]>
}

const PENDING = Symbol.for('bayanet.afterCommit')

const runAll = async (req: PayloadRequest | undefined, effects: Effect[] | undefined) => {
  for (const effect of effects ?? []) {
    try {
      await effect()
    } catch (err) {
      // The data is committed; a lost side effect is picked up by the sweeps, never rolled back.
      req?.payload.logger.error({ msg: 'after-commit effect failed', err })
    }
  }
}

/**
 * Wraps the adapter's commit and rollback once, so effects registered for a transaction run
 * right after its COMMIT succeeds and are dropped when it rolls back. Payload owns the
 * transaction of a REST or GraphQL write, so this is the one place that sees its end.
 */
const install = (req: PayloadRequest): Map<TransactionId, Effect[]> => {
  const db = req.payload.db as unknown as Adapter
  const existing = db[PENDING]
  if (existing) return existing
  const pending = new Map<TransactionId, Effect[]>()
  db[PENDING] = pending
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (incoming) => {
    const id = await incoming
    await commit(id)
    const effects = pending.get(id)
    pending.delete(id)
    await runAll(req, effects)
  }
  db.rollbackTransaction = async (incoming) => {
    const id = await incoming
    pending.delete(id)
    await rollback(id)
  }
  return pending
}

/**
 * Runs `effect` (enqueue a job, call a provider) only after `req`'s transaction commits, and
 * never when it rolls back. Outside a transaction the writes are already committed, so it runs
 * now. Payload's `afterChange` hooks run before the commit: a job enqueued there can start
 * before its data is visible, or for data that is then rolled back.
 */
export const afterCommit = async (req: PayloadRequest, effect: Effect): Promise<void> => {
  const pending = install(req)
  const id = req.transactionID ? await req.transactionID : undefined
  const db = req.payload.db as unknown as Adapter
  if (id === undefined || id === null || (db.sessions && !db.sessions[id])) {
    await runAll(req, [effect])
    return
  }
  const list = pending.get(id) ?? []
  list.push(effect)
  pending.set(id, list)
}
