import config from '@payload-config'
import { getPayload } from 'payload'

import { asStaff, isAdminUser } from '../access/roles'
import { INTERNAL_ONLY } from './internals'
import { MAX_DEPTH, MAX_LIMIT, OPERATORS } from './queryBounds'

/** Largest JSON body the API reads (uploads are multipart and have their own limits). */
export const JSON_BODY_LIMIT = 1024 * 1024
/** Deepest nesting of objects and arrays accepted in a JSON body. */
export const MAX_JSON_DEPTH = 32
/** Most `where` keys in a query string, and their deepest bracket nesting. */
const MAX_WHERE_PARAMS = 100
const MAX_WHERE_BRACKETS = 12

type Handler = (
  request: Request,
  context: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

const fail = (message: string, status = 400) => Response.json({ errors: [{ message }] }, { status })

/** The deepest nesting of arrays and objects in `value`, counted without recursion. */
export const jsonDepth = (value: unknown, stopAt = Infinity) => {
  let max = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (!node || typeof node !== 'object') continue
    const level = depth + 1
    if (level > max) max = level
    if (max > stopAt) return max
    for (const child of Object.values(node)) stack.push([child, level])
  }
  return max
}

/** Reads at most `limit` bytes of the body; undefined when it is longer. */
const readCapped = async (request: Request, limit: number) => {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Checks the query string's size and shape: `where` bounded, pages and limits whole numbers. */
export const checkQuery = (url: URL): string | undefined => {
  if (url.search.length > 8192) return 'The query string is too long.'
  let conditions = 0
  for (const [key, value] of url.searchParams) {
    if (key.startsWith('where')) {
      conditions++
      const segments = [...key.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])
      if (segments.length > MAX_WHERE_BRACKETS) return '"where" nests too deeply.'
      while (segments.length && /^\d*$/.test(segments[segments.length - 1])) segments.pop()
      const operator = segments[segments.length - 1]
      if (segments.length < 2 || !operator || !OPERATORS.has(operator)) {
        return `"${key}" does not end in a supported operator (${[...OPERATORS].join(', ')}).`
      }
    }
    if (key === 'page' && !/^[1-9]\d{0,6}$/.test(value))
      return '"page" must be a whole number from 1.'
    if (key === 'limit' && !/^\d{1,7}$/.test(value)) return '"limit" must be a whole number.'
    if (key === 'depth' && !/^\d{1,2}$/.test(value)) return '"depth" must be a whole number.'
  }
  if (conditions > MAX_WHERE_PARAMS) return '"where" has too many conditions.'
  return undefined
}

/** Most ids the admin looks up in one go (its list cells ask for up to 250 related documents). */
export const MAX_ID_LOOKUP = 250

/**
 * How many ids the query selects with `id in`, at its top level or under `and` (so the answer
 * has at most that many rows); undefined when it does not select by id.
 */
const idsSelected = (url: URL) => {
  let ids: number | undefined
  for (const [key, value] of url.searchParams) {
    const match = /^where(?:\[and\]\[\d+\])*\[id\]\[in\](\[\d+\])?$/.exec(key)
    if (!match) continue
    const count = match[1] ? 1 : value.split(',').filter(Boolean).length
    ids = (ids ?? 0) + count
  }
  return ids
}

/**
 * What `limit` and `depth` ask for beyond the bounds, or undefined when they stay within them.
 * A lookup by id (the admin's relationship cells and pickers) may ask for as many rows as it
 * names ids, up to MAX_ID_LOOKUP: the ids bound the answer, not the limit.
 */
const beyondBounds = (url: URL, { reads }: { reads: boolean }) => {
  const limit = url.searchParams.get('limit')
  const depth = url.searchParams.get('depth')
  if (depth !== null && Number(depth) > MAX_DEPTH) return true
  if (!reads || limit === null) return false
  const rows = Number(limit)
  if (rows >= 1 && rows <= MAX_LIMIT) return false
  const ids = idsSelected(url)
  return !(ids !== undefined && ids <= MAX_ID_LOOKUP && rows >= 1 && rows <= MAX_ID_LOOKUP)
}

/** Who is calling, as far as the bounds care: an admin, other staff, or anyone else. */
const callerKind = async (headers: Headers): Promise<'admin' | 'staff' | 'other'> => {
  try {
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers })
    if (isAdminUser(user)) return 'admin'
    return asStaff(user) ? 'staff' : 'other'
  } catch {
    return 'other'
  }
}

/**
 * Applies `limit` 1–MAX_LIMIT and `depth` ≤ MAX_DEPTH to everyone but admins. Reviewers and
 * managers are held to them on reads too; their bulk edits and deletes in the admin (a PATCH or
 * DELETE with `limit=0` over the rows they selected) stay open, as access control bounds those.
 * Residents and anonymous callers are held to them on every method.
 */
const boundsRefused = async (request: Request, url: URL) => {
  const reads = request.method === 'GET' || request.method === 'HEAD'
  if (!beyondBounds(url, { reads: true })) return false
  const kind = await callerKind(request.headers)
  if (kind === 'admin') return false
  if (kind === 'staff') return beyondBounds(url, { reads })
  return true
}

const METHODS_WITH_BODY = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/**
 * The admin's relationship pickers send long list queries as a POST whose form body is the
 * query string (`X-Payload-HTTP-Method-Override: GET`). Turned back into the GET it stands
 * for, the query gets the same checks as any other read.
 */
const readAsGet = async (request: Request): Promise<Request | 'too large' | undefined> => {
  const override =
    request.headers.get('x-payload-http-method-override') ??
    request.headers.get('x-http-method-override')
  if (request.method !== 'POST' || override?.toUpperCase() !== 'GET') return undefined
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (!type.startsWith('application/x-www-form-urlencoded')) return undefined
  const search = await readCapped(request, JSON_BODY_LIMIT)
  if (search === undefined) return 'too large'
  const url = new URL(request.url)
  url.search = search
  const headers = new Headers(request.headers)
  for (const name of ['content-type', 'content-length', 'x-payload-http-method-override']) {
    headers.delete(name)
  }
  headers.delete('x-http-method-override')
  return new Request(url, { method: 'GET', headers })
}

/**
 * Wraps one of Payload's REST handlers so that bad input is a clear 4xx before Payload sees it:
 * a body that is too large (413), not JSON or multipart (415), malformed or not a JSON object
 * (400), or nested deeper than MAX_JSON_DEPTH (400); and a query string that is too big or has
 * pages and limits that are not whole numbers (400).
 */
export const hardenRest =
  (handler: Handler): Handler =>
  async (request, context) => {
    const asGet = await readAsGet(request)
    if (asGet === 'too large') return fail('The request body is too large (at most 1 MB).', 413)
    if (asGet) request = asGet
    const url = new URL(request.url)
    // Payload's bookkeeping collections answer as any unknown route does.
    const slug = url.pathname.split('/')[2] ?? ''
    if (INTERNAL_ONLY.has(slug)) return fail('Not Found', 404)
    const queryProblem = checkQuery(url)
    if (queryProblem) return fail(queryProblem)
    // limit=0 ("everything"), more than 100 rows and deep population are for admins only.
    if (await boundsRefused(request, url)) {
      return fail(`"limit" must be from 1 to ${MAX_LIMIT} and "depth" at most ${MAX_DEPTH}.`)
    }
    if (!METHODS_WITH_BODY.has(request.method)) return handler(request, context)

    const type = (request.headers.get('content-type') ?? '').toLowerCase()
    // Uploads (and the admin's form saves) are multipart; Payload and the upload limits own them.
    if (type.startsWith('multipart/form-data')) return handler(request, context)
    const length = Number(request.headers.get('content-length') ?? 0)
    if (length > JSON_BODY_LIMIT) return fail('The request body is too large (at most 1 MB).', 413)
    const text = await readCapped(request, JSON_BODY_LIMIT)
    if (text === undefined) return fail('The request body is too large (at most 1 MB).', 413)
    if (text.trim() === '') {
      // Creating or updating a document needs data; other routes (logout, refresh) take none.
      const segments = url.pathname.split('/').filter(Boolean)
      const writesDocument =
        (request.method === 'POST' && segments.length === 2) ||
        (['PATCH', 'PUT'].includes(request.method) && segments.length <= 3)
      if (writesDocument) return fail('Send a JSON object in the request body.')
      return handler(
        new Request(request.url, { method: request.method, headers: request.headers }),
        context,
      )
    }
    if (!type.startsWith('application/json')) {
      return fail('Send the request body as JSON (Content-Type: application/json).', 415)
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return fail('The request body is not valid JSON.')
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return fail('Send a JSON object in the request body.')
    }
    if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return fail(`The request body nests too deeply (at most ${MAX_JSON_DEPTH} levels).`)
    }
    const headers = new Headers(request.headers)
    headers.delete('content-length')
    return handler(
      new Request(request.url, { method: request.method, headers, body: text }),
      context,
    )
  }
