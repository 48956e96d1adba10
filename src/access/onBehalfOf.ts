import type { PayloadRequest } from 'payload'

/**
 * Local API options for a call made on behalf of `req`: the caller's own access rules when a
 * user is signed in. Without one, the call is Bayanet's own doing (a job, a seed, the OTP
 * flow) and says so by overriding access.
 */
export const onBehalfOf = (req: PayloadRequest) =>
  req.user
    ? ({ overrideAccess: false, user: req.user, req } as const)
    : ({ overrideAccess: true, req } as const)
