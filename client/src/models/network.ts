import { signal } from '@preact/signals'

/** Whether the browser thinks it has a connection. */
export const online = signal(navigator.onLine)
addEventListener('online', () => (online.value = true))
addEventListener('offline', () => (online.value = false))
