import { randomBytes } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A payout as the fake keeps it, in Xendit's v2 wire shape. */
export type FakePayout = {
  id: string
  reference_id: string
  channel_code: string
  channel_properties: { account_number: string; account_holder_name: string }
  amount: number
  currency: string
  description?: string
  status: string
  failure_code?: string
  created: string
  updated: string
  business_id: string
}

/**
 * Faults the next create requests meet, in order:
 * - `reset`: the connection drops before anything is created;
 * - `500`: a server error, nothing created;
 * - `reset-after-success` / `500-after-success` / `timeout-after-success`: the payout IS created,
 *   but the answer is lost (dropped, a 500, or never sent in time);
 * - `slow:<ms>`: the payout is created and answered after <ms>.
 */
export type XenditFault =
  | 'reset'
  | '500'
  | 'reset-after-success'
  | '500-after-success'
  | 'timeout-after-success'
  | `slow:${number}`

/** Options of the fake. */
export type FakeXenditOptions = {
  secretKey?: string
  /** Status a new payout moves to right after it is accepted (as if the channel answered). */
  autoSettle?: 'SUCCEEDED' | 'FAILED' | null
  /** Delay before answering every create, after the payout exists. */
  createDelayMs?: number
  /** Delay after a create arrives and before the payout exists (its key is taken meanwhile). */
  processingMs?: number
}

/** A loopback server speaking Xendit's v2 Payouts API, with its idempotency rules and faults. */
export type FakeXendit = {
  url: string
  secretKey: string
  payouts: FakePayout[]
  /** Calls to POST /v2/payouts, answered or not. */
  createCalls: () => number
  /** Requests that arrived while another with the same key was still being processed. */
  overlaps: () => number
  faults: XenditFault[]
  /** Called when a payout is created (before its answer is sent). */
  onAccepted?: (payout: FakePayout) => void
  /** Moves a payout to a new status, as the channel would. */
  setStatus: (id: string, status: string, failureCode?: string) => FakePayout
  /** References with more than one payout: money sent twice. */
  duplicates: () => string[]
  /** The webhook Xendit would send for `payout` now. */
  webhookBody: (payout: FakePayout) => Record<string, unknown>
  close: () => Promise<void>
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = ''
    req.on('data', (chunk) => (data += chunk))
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

const error = (res: ServerResponse, status: number, error_code: string, message: string) =>
  send(res, status, { error_code, message })

/** Starts the fake on 127.0.0.1 (a free port). */
export const startFakeXendit = async (options: FakeXenditOptions = {}): Promise<FakeXendit> => {
  const secretKey = options.secretKey ?? `xnd_development_${randomBytes(8).toString('hex')}`
  const payouts: FakePayout[] = []
  // A key is taken when its request arrives, as Xendit does: a second request with the same
  // key, even while the first is still being processed, gets 409 DUPLICATE_ERROR.
  const byKey = new Map<string, FakePayout | 'processing'>()
  let calls = 0
  let overlaps = 0
  const now = () => new Date().toISOString()

  const fake: FakeXendit = {
    url: '',
    secretKey,
    payouts,
    createCalls: () => calls,
    overlaps: () => overlaps,
    faults: [],
    setStatus: (id, status, failureCode) => {
      const payout = payouts.find((p) => p.id === id)
      if (!payout) throw new Error(`no payout ${id}`)
      payout.status = status
      payout.failure_code = failureCode
      payout.updated = now()
      return payout
    },
    duplicates: () => {
      const seen = new Map<string, number>()
      for (const p of payouts) seen.set(p.reference_id, (seen.get(p.reference_id) ?? 0) + 1)
      return [...seen].filter(([, n]) => n > 1).map(([ref]) => ref)
    },
    webhookBody: (payout) => ({
      event: `payout.${payout.status.toLowerCase()}`,
      business_id: payout.business_id,
      created: now(),
      data: { ...payout },
    }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }

  const authorised = (req: IncomingMessage) =>
    req.headers.authorization === `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`

  const create = async (req: IncomingMessage, res: ServerResponse) => {
    calls++
    const fault = fake.faults.shift()
    if (fault === 'reset') return void req.socket.destroy()
    if (fault === '500') return error(res, 500, 'SERVER_ERROR', 'Something went wrong')
    const key = req.headers['idempotency-key']
    if (typeof key !== 'string' || !key) {
      return error(res, 400, 'API_VALIDATION_ERROR', 'Idempotency-key header is required')
    }
    let body: Partial<FakePayout>
    try {
      body = JSON.parse(await readBody(req))
    } catch {
      return error(res, 400, 'API_VALIDATION_ERROR', 'Body is not JSON')
    }
    if (byKey.has(key)) {
      if (byKey.get(key) === 'processing') overlaps++
      return error(
        res,
        409,
        'DUPLICATE_ERROR',
        'A payout with this idempotency key already exists. If you meant to execute a different request, please use another idempotency key.',
      )
    }
    byKey.set(key, 'processing')
    const props = body.channel_properties
    if (
      !body.reference_id ||
      body.channel_code !== 'PH_GCASH' ||
      !props?.account_number ||
      !props.account_holder_name ||
      !(typeof body.amount === 'number' && body.amount > 0) ||
      body.currency !== 'PHP'
    ) {
      byKey.delete(key)
      return error(res, 400, 'API_VALIDATION_ERROR', 'Invalid payout request')
    }
    // Processing time before the payout exists: a worker can lose its lock meanwhile.
    if (options.processingMs)
      await new Promise((resolve) => setTimeout(resolve, options.processingMs))
    const payout: FakePayout = {
      id: `disb-${randomBytes(12).toString('hex')}`,
      reference_id: body.reference_id,
      channel_code: body.channel_code,
      channel_properties: props,
      amount: body.amount,
      currency: body.currency,
      description: body.description,
      status: 'ACCEPTED',
      created: now(),
      updated: now(),
      business_id: 'fake-business',
    }
    payouts.push(payout)
    byKey.set(key, payout)
    fake.onAccepted?.(payout)
    const answer = { ...payout }
    if (options.autoSettle) fake.setStatus(payout.id, options.autoSettle)
    if (fault === 'reset-after-success') return void req.socket.destroy()
    if (fault === '500-after-success')
      return error(res, 500, 'SERVER_ERROR', 'Something went wrong')
    if (fault === 'timeout-after-success') return // never answers; the client times out
    const delay = fault?.startsWith('slow:') ? Number(fault.slice(5)) : (options.createDelayMs ?? 0)
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay))
    send(res, 200, answer)
  }

  const server = http.createServer(async (req, res) => {
    try {
      if (!authorised(req)) {
        return error(res, 401, 'INVALID_API_KEY', 'API key is invalid')
      }
      const url = new URL(req.url ?? '/', 'http://fake')
      if (req.method === 'POST' && url.pathname === '/v2/payouts') return await create(req, res)
      if (req.method === 'GET' && url.pathname === '/v2/payouts') {
        const ref = url.searchParams.get('reference_id')
        if (!ref) return error(res, 400, 'API_VALIDATION_ERROR', 'reference_id is required')
        return send(
          res,
          200,
          payouts.filter((p) => p.reference_id === ref),
        )
      }
      const one = /^\/v2\/payouts\/([^/]+)$/.exec(url.pathname)
      if (req.method === 'GET' && one) {
        const payout = payouts.find((p) => p.id === decodeURIComponent(one[1]))
        return payout
          ? send(res, 200, payout)
          : error(res, 404, 'DATA_NOT_FOUND', 'Payout not found')
      }
      error(res, 404, 'NOT_FOUND', 'Not found')
    } catch (err) {
      error(res, 500, 'SERVER_ERROR', (err as Error).message)
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}
