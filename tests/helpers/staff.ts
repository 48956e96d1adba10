import { randomBytes } from 'node:crypto'

import { api } from './api'
import { localPayload } from './payload'

/** A platform admin, signed in over REST. */
export const createAdmin = async () => {
  const payload = await localPayload()
  const email = `admin-${randomBytes(4).toString('hex')}@test.bayanet.local`
  const password = randomBytes(12).toString('hex')
  const user = await payload.create({
    collection: 'users',
    data: { email, password, roles: ['admin'], organizations: [] },
    overrideAccess: true,
  })
  const login = await api('POST', '/api/users/login', { body: { email, password } })
  if (login.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`)
  return { user, token: login.body.token as string }
}

/** Posts a GraphQL query as `token`; returns the parsed `{data, errors}`. */
export const graphql = async (token: string | undefined, query: string) => {
  const res = await api('POST', '/api/graphql', { token, body: { query } })
  return res.body as { data?: Record<string, any>; errors?: { message: string }[] }
}
