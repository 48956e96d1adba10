import { getPayload, type Payload } from 'payload'
import { inject } from 'vitest'

let instance: Promise<Payload> | undefined

/**
 * Payload's Local API in the test process, on the same database as the running host. Used to
 * arrange fixtures and to check what landed in the database; behaviour is tested over HTTP.
 */
export const localPayload = () => {
  instance ??= (async () => {
    process.env.DATABASE_URL = inject('databaseUrl')
    process.env.PAYLOAD_SECRET = inject('payloadSecret')
    process.env.DATABASE_POOL_MAX = '5'
    const { default: config } = await import('../../src/payload.config')
    return getPayload({ config, key: 'bayanet-tests' })
  })()
  return instance
}
