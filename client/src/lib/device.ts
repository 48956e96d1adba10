import { uuid } from './uuid'

const KEY = 'bayanet.device'

/** A random id for this phone's browser, sent with submissions so scoring can spot shared devices. */
export const deviceId = () => {
  try {
    let id = localStorage.getItem(KEY)
    if (!id) localStorage.setItem(KEY, (id = uuid()))
    return id
  } catch {
    return undefined
  }
}
