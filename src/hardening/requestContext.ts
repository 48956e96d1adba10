import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'
import type { RequestHandler } from 'express'

import { CLIENT_IP_HEADER } from '../lib/http'

/** What every log line of a request carries. */
export type RequestContext = { reqId: string }

const KEY = Symbol.for('bayanet.requestContext')
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> }

/** One store per process, shared by the Express host and Next's bundle. */
export const requestContext = (): AsyncLocalStorage<RequestContext> => {
  const holder = globalThis as Holder
  holder[KEY] ??= new AsyncLocalStorage<RequestContext>()
  return holder[KEY]
}

/** The current request's id, if any. */
export const currentRequestId = () => requestContext().getStore()?.reqId

/**
 * Gives each request an id (the caller's `X-Request-Id` when it is a sane token, from a proxy
 * say), returns it in `X-Request-Id`, and runs the rest of the request inside it so log lines
 * carry it. Also hands Next the client IP worked out under `trust proxy`, overwriting whatever
 * the client sent in that header.
 */
export const withRequestContext: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id')
  const reqId = incoming && /^[\w.:-]{8,64}$/.test(incoming) ? incoming : randomUUID()
  req.headers['x-request-id'] = reqId
  req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? ''
  res.setHeader('X-Request-Id', reqId)
  requestContext().run({ reqId }, next)
}

/** Reads TRUST_PROXY for Express's `trust proxy`: false, true, a hop count, or addresses. */
export const trustProxySetting = (value = process.env.TRUST_PROXY): boolean | number | string => {
  if (value === undefined || value === '' || value === 'false') return false
  if (value === 'true') return true
  if (/^\d+$/.test(value)) return Number(value)
  return value
}
