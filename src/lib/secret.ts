import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { ConfigError } from '../env'

/**
 * PAYLOAD_SECRET, or on a laptop (embedded Postgres) one generated once into the data folder.
 * Against an external database the secret must be given: a generated one would differ
 * between web and worker processes.
 */
export const resolveSecret = async (
  given: string | undefined,
  dataDir: string,
  embedded: boolean,
) => {
  if (given) return given
  if (!embedded) {
    throw new ConfigError(
      'PAYLOAD_SECRET is required when DATABASE_URL is set (use 32+ random characters).',
    )
  }
  const file = path.join(dataDir, 'payload-secret')
  const existing = (await fs.readFile(file, 'utf8').catch(() => '')).trim()
  if (existing) return existing
  const secret = randomBytes(32).toString('hex')
  await fs.mkdir(dataDir, { recursive: true })
  await fs.writeFile(file, secret, { mode: 0o600 })
  return secret
}
