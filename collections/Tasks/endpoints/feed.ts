import type { Endpoint } from 'payload'

import { jsonResponse } from '../../../src/lib/http'
import { listFeed } from '../operations/listFeed'
import { HttpError } from '../../../src/lib/errors'

const positiveInt = (raw: string | null, name: string, fallback: number, max: number) => {
  if (raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new HttpError(`"${name}" must be a whole number from 1 to ${max}.`, 400)
  }
  return value
}

/** `GET /api/feed?page=&limit=`: the signed-in resident's tasks. */
export const feedEndpoint: Endpoint = {
  path: '/feed',
  method: 'get',
  handler: async (req) => {
    const params = new URL(req.url ?? 'http://x/').searchParams
    const page = positiveInt(params.get('page'), 'page', 1, 10_000)
    const limit = positiveInt(params.get('limit'), 'limit', 20, 100)
    return jsonResponse(req, await listFeed(req, { page, limit }))
  },
}
