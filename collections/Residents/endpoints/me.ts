import type { Endpoint } from 'payload'

import { asResident } from '../../../src/access/roles'
import { errorResponse, jsonResponse, readJsonBody } from '../../../src/lib/http'
import { TooManyRequests } from '../../../src/lib/errors'
import { confirmPayoutAccountChange, requestPayoutAccountChange } from '../operations/payoutAccount'
import { publicResident } from '../operations/publicResident'

/** The session's expiry (seconds since the epoch) from the JWT the caller sent. */
const tokenExp = (headers: Headers) => {
  const bearer = /^(?:JWT|Bearer) (.+)$/.exec(headers.get('authorization') ?? '')?.[1]
  const cookie = /(?:^|;\s*)payload-token=([^;]+)/.exec(headers.get('cookie') ?? '')?.[1]
  const payloadPart = (bearer ?? cookie)?.split('.')[1]
  if (!payloadPart) return undefined
  try {
    return JSON.parse(Buffer.from(payloadPart, 'base64url').toString()).exp as number
  } catch {
    return undefined
  }
}

/**
 * `GET /api/residents/me`: the signed-in resident's public projection (Payload's own `/me`
 * would return every field its read allows, including auth bookkeeping). `{user: null}` else.
 */
export const meEndpoint: Endpoint = {
  path: '/me',
  method: 'get',
  handler: async (req) => {
    const resident = asResident(req.user)
    if (!resident) return jsonResponse(req, { user: null })
    const doc = await req.payload.findByID({
      collection: 'residents',
      id: resident.id,
      depth: 1,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return jsonResponse(req, {
      user: publicResident(doc),
      collection: 'residents',
      exp: tokenExp(req.headers),
    })
  },
}

const tooMany = (req: Parameters<Endpoint['handler']>[0], err: unknown) => {
  if (err instanceof TooManyRequests) {
    return errorResponse(req, err.message, err.status, {
      'Retry-After': String(err.retryAfterSeconds),
    })
  }
  throw err
}

/** `POST /api/residents/me/payout-account {gcashNumber}` → 202; a code goes to that number. */
export const payoutAccountEndpoint: Endpoint = {
  path: '/me/payout-account',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    try {
      await requestPayoutAccountChange(req, body.gcashNumber)
    } catch (err) {
      return tooMany(req, err)
    }
    return jsonResponse(req, { ok: true }, 202)
  },
}

/** `POST /api/residents/me/payout-account/confirm {code}` → 200 `{user}` with the new number. */
export const confirmPayoutAccountEndpoint: Endpoint = {
  path: '/me/payout-account/confirm',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    try {
      const user = await confirmPayoutAccountChange(req, body.code)
      return jsonResponse(req, { user })
    } catch (err) {
      return tooMany(req, err)
    }
  },
}
