import { addDataAndFileToRequest, type Endpoint } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import { errorResponse, jsonResponse } from '../../../src/lib/http'
import { spendPasswordWork } from '../operations/passwordWork'

/** The one answer for an unknown email, a wrong password and a locked account. */
export const LOGIN_REFUSED =
  'The email or password is incorrect, or the account is locked for a while after too many tries.'

/**
 * `POST /api/users/login`: Payload's login, answering an unknown email, a wrong password and a
 * locked account alike (401, one message) and in the same time: when Payload would not hash
 * the password (no such user, or locked) we check it against decoy credentials in Payload's
 * current hash format, which is the same pbkdf2 work (600,000 rounds) as a wrong password.
 */
export const staffLoginEndpoint: Endpoint = {
  path: '/login',
  method: 'post',
  handler: async (req) => {
    // The admin's login form posts multipart (`_payload`), API clients JSON: read both as Payload does.
    await addDataAndFileToRequest(req)
    const body = (req.data ?? {}) as Record<string, unknown>
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : ''
    const password = typeof body.password === 'string' ? body.password : ''
    if (!email || !password) return errorResponse(req, 'Send your email and password.', 400)
    if (email.length > 254 || password.length > 1024) {
      return errorResponse(req, LOGIN_REFUSED, 401)
    }
    const { payload } = req
    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { equals: email } },
      limit: 1,
      depth: 0,
      showHiddenFields: true,
      overrideAccess: true,
      req,
    })
    const user = docs[0] as { lockUntil?: string | null } | undefined
    const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
    if (!user || locked) {
      await spendPasswordWork(password)
      return errorResponse(req, LOGIN_REFUSED, 401)
    }
    try {
      const result = await payload.login({
        collection: 'users',
        data: { email, password },
        depth: 0,
        overrideAccess: true,
        req,
      })
      const collection = payload.collections.users.config
      const cookie = generatePayloadCookie({
        collectionAuthConfig: collection.auth,
        cookiePrefix: payload.config.cookiePrefix,
        token: result.token!,
      })
      return jsonResponse(
        req,
        {
          message: 'Authentication Passed',
          token: result.token,
          exp: result.exp,
          user: result.user,
        },
        200,
        { 'Set-Cookie': cookie },
      )
    } catch (err) {
      // Payload's AuthenticationError (401), LockedAuth (423), UnverifiedEmail (403); class
      // names do not survive the production bundle, statuses do.
      const status = (err as { status?: number }).status
      if (status === 401 || status === 403 || status === 423) {
        return errorResponse(req, LOGIN_REFUSED, 401)
      }
      throw err
    }
  },
}
