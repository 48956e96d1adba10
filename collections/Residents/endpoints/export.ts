import type { Endpoint } from 'payload'

import { asResident } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { jsonResponse } from '../../../src/lib/http'
import { exportResident } from '../operations/exportResident'

/** `GET /api/residents/me/export`: everything held about the signed-in resident, as JSON. */
export const exportEndpoint: Endpoint = {
  path: '/me/export',
  method: 'get',
  handler: async (req) => {
    const resident = asResident(req.user)
    if (!resident) throw new HttpError('Sign in with your phone to download your data.', 401)
    const body = await exportResident(req, resident.id)
    const day = body.exportedAt.slice(0, 10)
    return jsonResponse(req, body, 200, {
      'content-disposition': `attachment; filename="bayanet-my-data-${day}.json"`,
      'cache-control': 'no-store',
    })
  },
}
