import type { Endpoint } from 'payload'
import { generateExpiredPayloadCookie } from 'payload/shared'

import { asResident } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { jsonResponse } from '../../../src/lib/http'
import { eraseResident } from '../operations/eraseResident'

/** `DELETE /api/residents/me`: erases the signed-in resident and signs them out. */
export const eraseEndpoint: Endpoint = {
  path: '/me',
  method: 'delete',
  handler: async (req) => {
    const resident = asResident(req.user)
    if (!resident) throw new HttpError('Sign in with your phone to delete your data.', 401)
    const erased = await eraseResident(req, resident.id)
    const collection = req.payload.collections.residents.config
    const cookie = generateExpiredPayloadCookie({
      collectionAuthConfig: collection.auth,
      cookiePrefix: req.payload.config.cookiePrefix,
    })
    return jsonResponse(
      req,
      {
        ok: true,
        erased,
        message:
          'Your personal data has been deleted and you are signed out. Rewards already earned stay in the payment records under a pseudonym.',
      },
      200,
      { 'set-cookie': cookie },
    )
  },
}
