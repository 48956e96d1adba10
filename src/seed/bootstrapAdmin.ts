import type { Payload } from 'payload'

/** Creates the first admin from BAYANET_ADMIN_EMAIL/PASSWORD when no staff user exists yet. */
export const bootstrapAdmin = async (payload: Payload, email?: string, password?: string) => {
  if (!email || !password) return undefined
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return undefined
  const admin = await payload.create({
    collection: 'users',
    data: { email, password, name: 'Administrator', roles: ['admin'] },
    overrideAccess: true,
  })
  payload.logger.info(`created the first admin, ${email}`)
  return admin
}
