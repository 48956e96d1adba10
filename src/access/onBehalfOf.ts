import type { PayloadRequest } from 'payload'

/**
 * Local API options for a call made on behalf of `req`. Anything that arrived over REST or
 * GraphQL, signed in or not, runs under the caller's own access rules. Only Bayanet's own
 * Local API work (jobs, seeds) with no user overrides access, and says so.
 */
export const onBehalfOf = (req: PayloadRequest) =>
  req.user || req.payloadAPI !== 'local'
    ? ({ overrideAccess: false, user: req.user ?? undefined, req } as const)
    : ({ overrideAccess: true, req } as const)
