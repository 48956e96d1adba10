import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How the fake answers one request: the real thing, or one of its faults. */
export type FakeReply = 'ok' | { status: number; retryAfter?: number }

/** A message the fake accepted. */
export type Received = { to: string; body: string; from?: string; id: string }

/** A loopback SMS provider: where it listens, what it accepted, and what it answers next. */
export type FakeSmsServer = {
  url: string
  /** Every message accepted, in order. */
  received: Received[]
  /** Every request, accepted or not. */
  requests: number
  /** Replies to use for the next requests, in order; 'ok' once they run out. */
  script: FakeReply[]
  close: () => Promise<void>
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (text += chunk))
    req.on('end', () => resolve(text))
    req.on('error', reject)
  })

/** Starts a fake on 127.0.0.1 with `handle` speaking one provider's wire format. */
export const startFakeSmsServer = async (
  handle: (req: IncomingMessage, body: string, res: ServerResponse, server: FakeSmsServer) => void,
): Promise<FakeSmsServer> => {
  const state: FakeSmsServer = {
    url: '',
    received: [],
    requests: 0,
    script: [],
    close: async () => undefined,
  }
  const server = createServer(async (req, res) => {
    state.requests++
    handle(req, await readBody(req), res, state)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return state
}

/** Answers a scripted fault, if one is due; returns true when it did. */
export const answerScripted = (
  res: ServerResponse,
  server: FakeSmsServer,
  errorBody: (status: number) => unknown,
) => {
  const next = server.script.shift() ?? 'ok'
  if (next === 'ok') return false
  res.writeHead(next.status, {
    'content-type': 'application/json',
    ...(next.retryAfter !== undefined ? { 'retry-after': String(next.retryAfter) } : {}),
  })
  res.end(JSON.stringify(errorBody(next.status)))
  return true
}
