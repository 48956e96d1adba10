import type { Endpoint } from 'payload'

import { asResident } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { jsonResponse } from '../../../src/lib/http'
import { consentState } from '../operations/consentState'

/** `GET /api/consents/mine`: the current state of each purpose, and the whole history. */
export const mineEndpoint: Endpoint = {
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const resident = asResident(req.user)
    if (!resident) throw new HttpError('Sign in with your phone to see your consents.', 401)
    return jsonResponse(req, await consentState(req, resident.id))
  },
}
