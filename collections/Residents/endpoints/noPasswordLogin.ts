import type { Endpoint } from 'payload'

import { errorResponse } from '../../../src/lib/http'

const SMS_ONLY =
  'Residents sign in with an SMS code: POST /api/residents/otp/request, then /otp/verify.'

/**
 * Payload's password endpoints stay off for residents. `first-register` in particular would
 * create a resident for any phone without a code while the collection is empty.
 */
export const noPasswordLoginEndpoints: Endpoint[] = [
  'login',
  'first-register',
  'forgot-password',
  'reset-password',
  'unlock',
].map((path) => ({
  path: `/${path}`,
  method: 'post',
  handler: (req) => errorResponse(req, SMS_ONLY, 403),
}))
