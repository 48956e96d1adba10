import { configToSchema } from '@payloadcms/graphql'
import { getPayload, type SanitizedConfig } from 'payload'

import { asStaff } from '../access/roles'

/** Payload's password mutations for residents, who sign in only by SMS code. */
const RESIDENT_PASSWORD_MUTATIONS = [
  'loginResident',
  'forgotPasswordResident',
  'resetPasswordResident',
  'unlockResident',
  'verifyEmailResident',
]

/** Largest GraphQL request body we parse. */
const MAX_GRAPHQL_BYTES = 100 * 1024

type Cache = { graphql: unknown; promise: Promise<unknown> | null }
type Handler = (request: Request) => Promise<Response>

const badRequest = (message: string, status = 400) =>
  Response.json({ errors: [{ message }] }, { status })

/**
 * Builds Payload's schema once, without the resident password mutations, and hands it to
 * Payload's GraphQL handler through the cache that handler reads (`global._payload_graphql`).
 */
const seedPrunedSchema = (config: Promise<SanitizedConfig>) => {
  const holder = globalThis as { _payload_graphql?: Cache }
  holder._payload_graphql ??= { graphql: null, promise: null }
  const cache = holder._payload_graphql
  if (cache.graphql || cache.promise) return
  cache.promise = config.then((resolved) => {
    const built = configToSchema(resolved)
    const mutations = built.schema.getMutationType()?.getFields() ?? {}
    for (const name of RESIDENT_PASSWORD_MUTATIONS) delete mutations[name]
    return built
  })
}

/** The answer with every "Did you mean …?" cut from its error messages. */
const withoutSuggestions = (answer: { errors?: { message?: string }[] }) => {
  for (const error of answer.errors ?? []) {
    if (typeof error.message === 'string') {
      error.message = error.message.replace(/\s*Did you mean .*$/s, '')
    }
  }
  return answer
}

/** True when the request carries a staff session. */
const isStaffCaller = async (config: Promise<SanitizedConfig>, headers: Headers) => {
  try {
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers })
    return Boolean(asStaff(user))
  } catch {
    return false
  }
}

/**
 * Wraps Payload's GraphQL POST handler: a body that is not a JSON object with a string `query`
 * is a 400 (it was a 500), and "Did you mean …" suggestions, which name our types and fields,
 * are only for staff.
 */
export const hardenGraphql =
  (config: Promise<SanitizedConfig>, handler: Handler): Handler =>
  async (request) => {
    seedPrunedSchema(config)
    const length = Number(request.headers.get('content-length') ?? 0)
    if (length > MAX_GRAPHQL_BYTES) return badRequest('The GraphQL request is too large.', 413)
    const text = await request.text()
    if (text.length > MAX_GRAPHQL_BYTES) return badRequest('The GraphQL request is too large.', 413)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return badRequest('Send the GraphQL request as JSON: {"query": "…", "variables": {…}}.')
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return badRequest('Send the GraphQL request as a JSON object with a "query".')
    }
    const { query, variables, operationName } = body as Record<string, unknown>
    if (typeof query !== 'string' || query.trim() === '') {
      return badRequest('The GraphQL request needs a "query" string.')
    }
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
      return badRequest('"variables" must be a JSON object.')
    }
    if (operationName != null && typeof operationName !== 'string') {
      return badRequest('"operationName" must be a string.')
    }
    const headers = new Headers(request.headers)
    headers.set('content-type', 'application/json')
    headers.delete('content-length')
    const response = await handler(
      new Request(request.url, { method: 'POST', headers, body: text }),
    )
    if (response.status < 400 && response.status !== 200) return response
    const answer = await response.text()
    if (!answer.includes('Did you mean') || (await isStaffCaller(config, request.headers))) {
      return new Response(answer, { status: response.status, headers: response.headers })
    }
    const out = new Headers(response.headers)
    out.delete('content-length')
    return new Response(JSON.stringify(withoutSuggestions(JSON.parse(answer))), {
      status: response.status,
      headers: out,
    })
  }
