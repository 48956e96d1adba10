/** A minimal IndexedDB key-value store: the outbox must survive reloads and app restarts. */

const DB = 'bayanet'
const STORE = 'outbox'

let opening: Promise<IDBDatabase> | undefined
const open = () =>
  (opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  }))

const run = async <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest) => {
  const db = await open()
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode)
    const req = fn(tx.objectStore(STORE))
    tx.oncomplete = () => resolve(req.result as T)
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
}

/** Saves `value` under `key` (Blobs included). */
export const idbSet = (key: string, value: unknown) => run('readwrite', (s) => s.put(value, key))
/** Removes `key`. */
export const idbDelete = (key: string) => run('readwrite', (s) => s.delete(key))
/** Every saved value. */
export const idbAll = <T>() => run<T[]>('readonly', (s) => s.getAll())
