import type { Endpoint } from 'payload'

import { isAdminUser } from '../../../src/access/roles'
import { normalizePhMobile, PHONE_HINT } from '../../../src/lib/phone'
import { errorResponse, jsonResponse, readJsonBody } from '../../../src/lib/http'
import { resetPhoneLimits } from '../../../src/limits/guard'

/**
 * `POST /api/residents/otp/reset-limits {phone}` (admins): clears a phone's code counters, for
 * support staff helping a resident who was locked out by someone else's requests.
 */
export const resetLimitsEndpoint: Endpoint = {
  path: '/otp/reset-limits',
  method: 'post',
  handler: async (req) => {
    if (!isAdminUser(req.user)) return errorResponse(req, 'Only admins can reset limits.', 403)
    const body = await readJsonBody(req)
    const phone = normalizePhMobile(body.phone)
    if (!phone) return errorResponse(req, PHONE_HINT, 400)
    await resetPhoneLimits(phone)
    return jsonResponse(req, { ok: true })
  },
}
