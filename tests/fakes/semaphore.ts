import { answerScripted, startFakeSmsServer } from './smsServer'

/**
 * Semaphore's v4 messages API on 127.0.0.1: `POST /api/v4/messages` with `apikey`, `number`,
 * `message` and `sendername` (JSON or form), answering a list of queued messages. Faults: 429
 * with Retry-After, 5xx, 401 for a wrong key.
 */
export const startFakeSemaphore = (apiKey = 'test-semaphore-key') =>
  startFakeSmsServer((req, body, res, server) => {
    if (req.method !== 'POST' || req.url !== '/api/v4/messages') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not found"}')
      return
    }
    const params: Record<string, string> = (req.headers['content-type'] ?? '').includes('json')
      ? JSON.parse(body || '{}')
      : Object.fromEntries(new URLSearchParams(body))
    if (answerScripted(res, server, (status) => ({ message: `error ${status}` }))) return
    if (params.apikey !== apiKey) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"apikey":["Invalid"]}')
      return
    }
    if (!params.number || !params.message) {
      res
        .writeHead(422, { 'content-type': 'application/json' })
        .end('{"number":["The number field is required."]}')
      return
    }
    const id = String(100000 + server.received.length)
    server.received.push({ to: params.number, body: params.message, from: params.sendername, id })
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify([
        {
          message_id: Number(id),
          user_id: 1,
          user: 'test@bayanet.local',
          account_id: 1,
          account: 'Bayanet',
          recipient: params.number,
          message: params.message,
          sender_name: params.sendername ?? 'SEMAPHORE',
          network: 'Globe',
          status: 'Pending',
          type: 'Single',
          source: 'Api',
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        },
      ]),
    )
  })
