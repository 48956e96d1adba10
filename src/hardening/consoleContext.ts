import { currentRequestId } from './requestContext'
import { scrub } from './logging'

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const

/**
 * Makes every console line written while a request is handled carry that request's id, and
 * masks phone numbers and codes in its text arguments: the host's own lines and Next's (a failed render,
 * an unknown server action), which do not go through Payload's logger. Lines outside a request
 * (boot, timers) are written as they are. Installed once, by the host.
 */
export const tagConsoleWithRequestIds = () => {
  const holder = globalThis as { [key: symbol]: boolean }
  const key = Symbol.for('bayanet.consoleTagged')
  if (holder[key]) return
  holder[key] = true
  for (const level of LEVELS) {
    const original = console[level].bind(console)
    console[level] = (...args: unknown[]) => {
      const reqId = currentRequestId()
      const clean = args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg))
      if (!reqId) return original(...clean)
      original(`[reqId=${reqId}]`, ...clean)
    }
  }
}
