import { APIError } from 'payload'

/**
 * An error whose message is meant for the person who sent the request. The explicit name
 * and data keep the message in Payload's `{ errors: [{ message }] }` even in the minified
 * production bundle, where class names are mangled.
 */
export class HttpError extends APIError {
  constructor(message: string, status: number, data: Record<string, unknown> = {}) {
    super(message, status, data, true)
    this.name = 'HttpError'
  }
}

/** Thrown when a caller asks too often; carries how long to wait (sent as Retry-After). */
export class TooManyRequests extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    status = 429,
  ) {
    super(message, status, { retryAfterSeconds })
  }
}
