import type { Endpoint } from 'payload'

import { errorResponse } from '../lib/http'

/**
 * Payload's auth routes that do not apply here answer 404 as any unknown route does: `init`
 * (whether a first user exists: the admin reads it server-side) and `verify` (no collection
 * verifies emails; `POST /api/users/verify/abc` answered 500).
 */
export const closedAuthRoutes: Endpoint[] = [
  { path: '/init', method: 'get' as const },
  { path: '/verify/:id', method: 'post' as const },
].map(({ path, method }) => ({
  path,
  method,
  handler: (req) => errorResponse(req, 'Not Found', 404),
}))
