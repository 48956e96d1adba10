import { signal } from '@preact/signals'

/** A submission kept on the phone until the server has it. */

export type Pending = {
  clientId: string
  /** Who made it: a phone shared by two residents sends each one's work only as them. */
  resident?: number
  task: number
  taskTitle: string
  answers: Record<string, unknown>
  location?: { lat: number; lng: number; accuracy?: number }
  /** The resized photo, and the question it answers. */
  photo?: Blob
  photoField?: string
  /** Set once the photo is uploaded, so a retry does not upload it again. */
  proofId?: number
  createdAt: string
  /** Why the server refused it (not a lost connection, which is simply retried). */
  error?: string
  /** The refusal is a consent the resident turned off (the screen links to the settings). */
  privacy?: boolean
}

/** Everything waiting to be sent, oldest first (the sender keeps it in step with IndexedDB). */
export const outbox = signal<Pending[]>([])
/** True while sending. */
export const flushing = signal(false)

const FLAG = 'bayanet.outbox'

/** Whether anything was waiting when the app last looked: the sender loads only then. */
export const hadWaiting = () => {
  try {
    return localStorage.getItem(FLAG) === '1'
  } catch {
    return true
  }
}

/** Records whether anything is waiting, for the next start. */
export const rememberWaiting = (count: number) => {
  try {
    if (count) localStorage.setItem(FLAG, '1')
    else localStorage.removeItem(FLAG)
  } catch {
    // private mode: the sender loads on the next submission
  }
}
