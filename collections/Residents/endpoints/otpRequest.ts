import type { Endpoint } from 'payload'

import { clientIp, errorResponse, jsonResponse, readJsonBody } from '../../../src/lib/http'
import { requestOtp, TooManyRequests } from '../operations/requestOtp'

/** `POST /api/residents/otp/request {phone}`: 202 for any valid number, registered or not. */
export const otpRequestEndpoint: Endpoint = {
  path: '/otp/request',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    try {
      await requestOtp(req, { phone: body.phone, ip: clientIp(req), language: body.language })
    } catch (err) {
      if (err instanceof TooManyRequests) {
        return errorResponse(req, err.message, err.status, {
          'Retry-After': String(err.retryAfterSeconds),
        })
      }
      throw err
    }
    return jsonResponse(req, { ok: true }, 202)
  },
}
