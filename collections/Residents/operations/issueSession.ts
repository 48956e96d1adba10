import { randomUUID } from 'node:crypto'
import { getFieldsToSign, jwtSign, type PayloadRequest } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import type { Resident } from '../../../src/payload-types'

/**
 * Signs a resident in exactly as Payload's own login does: a session row, a JWT that names
 * it, and the `payload-token` cookie. Used after an OTP is verified.
 */
export const issueSession = async (req: PayloadRequest, resident: Resident) => {
  const { payload } = req
  const collection = payload.collections.residents.config
  const { tokenExpiration } = collection.auth
  const now = Date.now()
  const sid = randomUUID()
  const sessions = (resident.sessions ?? []).filter(
    (session) => new Date(session.expiresAt).getTime() > now,
  )
  sessions.push({
    id: sid,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + tokenExpiration * 1000).toISOString(),
  })
  await payload.db.updateOne({
    collection: 'residents',
    id: resident.id,
    data: { sessions },
    req,
    returning: false,
  })

  const user = { ...resident, collection: 'residents' as const }
  const fieldsToSign = getFieldsToSign({ collectionConfig: collection, email: '', sid, user })
  const { token, exp } = await jwtSign({ fieldsToSign, secret: payload.secret, tokenExpiration })
  const cookie = generatePayloadCookie({
    collectionAuthConfig: collection.auth,
    cookiePrefix: payload.config.cookiePrefix,
    token,
  })
  return { token, exp, cookie }
}
