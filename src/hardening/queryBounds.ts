import type { CollectionBeforeOperationHook, Where } from 'payload'

import { isAdminUser } from '../access/roles'
import { HttpError } from '../lib/errors'

/** The most rows a page may have for anyone but an admin. */
export const MAX_LIMIT = 100
/** The deepest population for anyone but an admin. */
export const MAX_DEPTH = 2
/** Most conditions, and deepest and/or nesting, in a `where`. */
export const MAX_WHERE_CONDITIONS = 50
export const MAX_WHERE_DEPTH = 5

/** The operators a `where` may use; geo operators need point fields, which we do not have. */
export const OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
])

/** Walks a `where` without recursion; throws a 400 naming what is wrong. */
export const checkWhere = (where: unknown) => {
  let conditions = 0
  const stack: [unknown, number][] = [[where, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (node == null) continue
    if (typeof node !== 'object' || Array.isArray(node)) {
      throw new HttpError('"where" must be an object of conditions.', 400)
    }
    if (depth > MAX_WHERE_DEPTH) {
      throw new HttpError(`"where" nests too deeply (at most ${MAX_WHERE_DEPTH} levels).`, 400)
    }
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'and' || key === 'or') {
        const branches = Array.isArray(value) ? value : Object.values(value ?? {})
        for (const branch of branches) stack.push([branch, depth + 1])
        continue
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        throw new HttpError(`"where[${key}]" needs an operator, like where[${key}][equals]=…`, 400)
      }
      for (const operator of Object.keys(value)) {
        if (!OPERATORS.has(operator)) {
          throw new HttpError(
            `"${operator}" is not a supported operator; use one of ${[...OPERATORS].join(', ')}.`,
            400,
          )
        }
        if (++conditions > MAX_WHERE_CONDITIONS) {
          throw new HttpError(
            `"where" has too many conditions (at most ${MAX_WHERE_CONDITIONS}).`,
            400,
          )
        }
      }
    }
  }
}

/**
 * Bounds what one API request can ask of the database: for anyone but an admin, `limit` from 1
 * to MAX_LIMIT (`limit=0`, "everything", is refused) and `depth` up to MAX_DEPTH; for everyone,
 * pages from 1 and a bounded `where` with known operators. Applied here to GraphQL; REST checks
 * the same from the query string before Payload runs.
 */
export const boundQueries: CollectionBeforeOperationHook = ({ args, req }) => {
  // REST is bounded from its query string (see rest.ts): nested Local API calls made by our own
  // endpoints and hooks carry the REST request too, and must not be held to these bounds.
  if (req.payloadAPI !== 'GraphQL') return args
  const a = args as { limit?: unknown; depth?: unknown; page?: unknown; where?: Where }
  const admin = isAdminUser(req.user)
  if (a.page !== undefined && a.page !== null) {
    const page = Number(a.page)
    if (!Number.isInteger(page) || page < 1) throw new HttpError('"page" must be 1 or more.', 400)
  }
  if (a.limit !== undefined && a.limit !== null && !admin) {
    const limit = Number(a.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new HttpError(`"limit" must be from 1 to ${MAX_LIMIT}.`, 400)
    }
  }
  if (a.depth !== undefined && a.depth !== null && !admin) {
    const depth = Number(a.depth)
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) {
      throw new HttpError(`"depth" must be from 0 to ${MAX_DEPTH}.`, 400)
    }
  }
  if (a.where) checkWhere(a.where)
  return args
}
