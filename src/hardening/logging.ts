import type { LoggerOptions } from 'pino'

import { currentRequestId } from './requestContext'

/** Keys whose values never reach a log line. */
const SECRET_KEYS = [
  'phone',
  'to',
  'number',
  'recipient',
  'code',
  'token',
  'password',
  'apikey',
  'authorization',
  'cookie',
  'gcashNumber',
  'pendingGcashNumber',
  'codeHash',
  'sealedBody',
]

/** pino redaction paths: each secret key at the top, one and two levels down. */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`])

const PHONE = /(?:\+?63|\b0)9\d{2}[\s-]?\d{3}[\s-]?\d{4}\b/g
const CODE = /\b\d{6}\b/g

/** A string with phone numbers and six-digit codes masked, for free-text log messages. */
export const scrub = (text: string) =>
  text
    .replace(PHONE, (m) => `${m.slice(0, m.length - 8)}*****${m.slice(-2)}`)
    .replace(CODE, '******')

/**
 * Payload's logger: JSON lines, every line of a request with its `reqId`, secrets redacted by
 * key, and phone numbers and codes masked inside messages and error texts.
 */
export const loggerOptions = (): LoggerOptions => ({
  level: process.env.LOG_LEVEL || 'info',
  redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  mixin: () => {
    const reqId = currentRequestId()
    return reqId ? { reqId } : {}
  },
  hooks: {
    logMethod(args, method, level) {
      // A client's mistake logged as an error (Payload's error names are minified away in the
      // production bundle, so loggingLevels cannot catch them all): info, without the stack.
      const first = args[0] as { err?: { status?: unknown; message?: unknown } } | undefined
      const status = Number(first?.err?.status)
      if (level >= 50 && status >= 400 && status < 500) {
        this.info({ msg: scrub(String(first?.err?.message ?? 'client error')), status })
        return
      }
      method.apply(
        this,
        args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<
          typeof method
        >,
      )
    },
  },
  formatters: {
    log: (object) => {
      const out: Record<string, unknown> = { ...object }
      if (typeof out.msg === 'string') out.msg = scrub(out.msg)
      const err = out.err as
        | { name?: unknown; type?: unknown; message?: unknown; stack?: unknown; status?: unknown }
        | undefined
      if (err && typeof err === 'object') {
        // An Error's message and stack are not enumerable: copy them by name.
        out.err = {
          type: err.type ?? err.name,
          message: scrub(String(err.message ?? '')),
          stack: typeof err.stack === 'string' ? scrub(err.stack) : undefined,
          status: err.status,
        }
      }
      return out
    },
  },
})

/**
 * Client mistakes are not faults: Payload logs these error names at info (it logs everything
 * else, 5xx included, as ERROR with its stack).
 */
export const LOGGING_LEVELS = {
  HttpError: 'info',
  TooManyRequests: 'info',
  AuthenticationError: 'info',
  LockedAuth: 'info',
  UnauthorizedError: 'info',
  Forbidden: 'info',
  NotFound: 'info',
  ValidationError: 'info',
  QueryError: 'info',
  Locked: 'info',
  MissingFile: 'info',
  UnverifiedEmail: 'info',
  FileUploadError: 'info',
} as const
