import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

/**
 * Runs `work` in one database transaction for code that has no request of its own (jobs,
 * seeds). Pass the given `req` to every Local API call inside it.
 */
export const withTransaction = async <T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> => {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const result = await work(req)
    await commitTransaction(req)
    return result
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

/**
 * Runs `work` in a transaction on `req` itself (so every Local API call given `req` joins it),
 * unless one is already open. `work` returns rather than throws what must still be committed.
 */
export const inRequestTransaction = async <T>(req: PayloadRequest, work: () => Promise<T>) => {
  const owns = await initTransaction(req)
  try {
    const result = await work()
    if (owns) await commitTransaction(req)
    return result
  } catch (err) {
    if (owns) await killTransaction(req)
    throw err
  }
}
