import type { Endpoint } from 'payload'

import { clientIp, errorResponse, jsonResponse, readJsonBody } from '../../../src/lib/http'
import { TooManyRequests } from '../../../src/lib/errors'
import { verifyOtp } from '../operations/verifyOtp'

/** `POST /api/residents/otp/verify {phone, code}`: a session as JSON and as a cookie. */
export const otpVerifyEndpoint: Endpoint = {
  path: '/otp/verify',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    try {
      const { token, exp, cookie, user } = await verifyOtp(req, {
        phone: body.phone,
        code: body.code,
        ip: clientIp(req),
      })
      return jsonResponse(req, { token, exp, user }, 200, { 'Set-Cookie': cookie })
    } catch (err) {
      if (err instanceof TooManyRequests) {
        return errorResponse(req, err.message, err.status, {
          'Retry-After': String(err.retryAfterSeconds),
        })
      }
      throw err
    }
  },
}
