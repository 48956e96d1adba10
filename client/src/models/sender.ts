import { effect } from '@preact/signals'

import { api, type ApiError } from '../api/client'
import { t } from '../i18n'
import { deviceId } from '../lib/device'
import { idbAll, idbDelete, idbSet } from '../lib/idb'
import { markSubmitted } from './feed'
import { flushing, outbox, rememberWaiting, type Pending } from './outbox'
import { me } from './session'

/**
 * Sends the outbox: IndexedDB is the truth, so a submission survives reloads and restarts and
 * leaves only when the server has answered for it. Loaded after the first render.
 */

const refresh = async () => {
  const items = await idbAll<Pending>().catch(() => [] as Pending[])
  const resident = me.value?.id
  outbox.value = items
    .filter((item) => item.resident === undefined || item.resident === resident)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  rememberWaiting(items.length)
}

/** Keeps a submission on the phone, then tries to send everything waiting. */
export const enqueue = async (item: Pending) => {
  startOutbox()
  item = { ...item, resident: me.value?.id }
  await idbSet(item.clientId, item)
  await refresh()
  await flush()
}

/** Drops a submission the server refused for good. */
export const discard = async (clientId: string) => {
  await idbDelete(clientId)
  await refresh()
}

const isConsentRefusal = (error: ApiError) =>
  error.key === 'err.consentPhotos' || error.key === 'err.consentLocation'

/** What the resident reads for a refusal (in their language when the app knows the reason). */
const refusal = (error: ApiError) =>
  isConsentRefusal(error)
    ? { error: t(error.key!), privacy: true }
    : { error: error.message, privacy: false }

/** A refusal that trying again cannot fix (as opposed to no signal, a 5xx or a rate limit). */
const isFinal = (error: ApiError) =>
  error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status)

const sendOne = async (item: Pending): Promise<'sent' | 'stop' | 'refused'> => {
  if (item.photo && !item.proofId) {
    const form = new FormData()
    form.append('file', item.photo, `photo-${item.clientId}.jpg`)
    const up = await api<{ doc: { id: number } }>('POST', '/api/proofs', form)
    if (!up.ok) {
      if (!isFinal(up.error)) return 'stop'
      await idbSet(item.clientId, { ...item, ...refusal(up.error) })
      return 'refused'
    }
    item = { ...item, proofId: up.data.doc.id }
    // Remember the upload: a reload now must not upload the same photo twice.
    await idbSet(item.clientId, item)
  }
  const answers = { ...item.answers }
  if (item.photoField && item.proofId) answers[item.photoField] = item.proofId
  const res = await api<{ doc: { id: number; status: string } }>('POST', '/api/submissions', {
    task: item.task,
    answers,
    proof: item.proofId,
    location: item.location,
    clientId: item.clientId,
    deviceId: deviceId(),
  })
  if (!res.ok) {
    if (!isFinal(res.error)) return 'stop'
    await idbSet(item.clientId, { ...item, ...refusal(res.error) })
    return 'refused'
  }
  await idbDelete(item.clientId)
  markSubmitted(item.task, res.data.doc)
  return 'sent'
}

const sendAll = async () => {
  const resident = me.value?.id
  if (!resident) return
  for (const item of await idbAll<Pending>()) {
    if (item.error || (item.resident !== undefined && item.resident !== resident)) continue
    if ((await sendOne(item)) === 'stop') return
  }
}

let running: Promise<void> | undefined
let again = false

/**
 * Sends what is waiting, one at a time. The server is idempotent on `clientId`, so a send that
 * was received but whose answer got lost is simply answered again; still, one tab sends at once
 * (a Web Lock across tabs). A call during a send waits for it and then looks again, so an item
 * saved meanwhile is not left behind.
 */
export const flush = (): Promise<void> => {
  if (running) {
    again = true
    return running
  }
  flushing.value = true
  running = (async () => {
    try {
      do {
        again = false
        if (navigator.locks) await navigator.locks.request('bayanet-outbox', sendAll)
        else await sendAll()
      } while (again)
    } catch {
      // IndexedDB unavailable: nothing to send
    } finally {
      running = undefined
      flushing.value = false
      await refresh()
    }
  })()
  return running
}

/** Loads the outbox and sends it whenever the connection comes back. */
let started = false
export const startOutbox = () => {
  if (started) return
  started = true
  // Once the session is known (and whenever the resident changes), show and send their work.
  effect(() => {
    if (me.value) void refresh().then(flush)
  })
  addEventListener('online', () => void flush())
}
