import type { Endpoint } from 'payload'

import { jsonResponse, readJsonBody } from '../../../src/lib/http'
import { recordConsent } from '../operations/recordConsent'

/** `POST /api/consents {purpose, granted}`: appends to the ledger; 201 with the new state. */
export const recordConsentEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    const { consent, state } = await recordConsent(req, body)
    return jsonResponse(
      req,
      {
        doc: consent,
        state,
        message: consent.granted ? 'Consent recorded.' : 'Consent withdrawn.',
      },
      201,
    )
  },
}
