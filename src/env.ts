import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Which halves of Bayanet this process runs: the HTTP side, the job worker, or both. */
export type Role = 'all' | 'web' | 'worker'

/** The project root, whichever file imports this module. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Where local state lives: embedded Postgres, the generated secret, demo credentials. */
export const dataDir = path.resolve(process.env.BAYANET_DATA_DIR ?? path.join(projectRoot, '.data'))

/** Thrown for configuration a person has to fix before Bayanet can start. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const oneOf = <T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T => {
  if (value === undefined || value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`)
}

const flag = (value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined || value === '') return fallback
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase())
}

/** A provider choice that needs another variable set (its key or URL). */
const requires = <T extends string>(
  value: T,
  needs: Partial<Record<T, string>>,
  env: NodeJS.ProcessEnv,
): T => {
  const name = needs[value]
  if (name && !env[name]) throw new ConfigError(`${name} must be set to use the ${value} provider`)
  return value
}

/** Settings read once from the environment; see the table in README.md. */
export const readEnv = (env: NodeJS.ProcessEnv = process.env) => ({
  port: Number(env.PORT ?? 3000),
  role: oneOf<Role>('BAYANET_ROLE', env.BAYANET_ROLE, ['all', 'web', 'worker'], 'all'),
  databaseUrl: env.DATABASE_URL || undefined,
  redisUrl: env.REDIS_URL || undefined,
  payloadSecret: env.PAYLOAD_SECRET || undefined,
  smsProvider: oneOf(
    'SMS_PROVIDER',
    env.SMS_PROVIDER,
    ['console', 'semaphore', 'twilio'] as const,
    'console',
  ),
  payoutProvider: requires(
    oneOf('PAYOUT_PROVIDER', env.PAYOUT_PROVIDER, ['sandbox', 'xendit'] as const, 'sandbox'),
    { xendit: 'XENDIT_SECRET_KEY' },
    env,
  ),
  voucherProvider: requires(
    oneOf(
      'VOUCHER_PROVIDER',
      env.VOUCHER_PROVIDER,
      ['sandbox', 'voucher-http'] as const,
      'sandbox',
    ),
    { 'voucher-http': 'VOUCHER_HTTP_BASE_URL' },
    env,
  ),
  seedDemo: flag(env.SEED_DEMO, false),
  adminEmail: env.BAYANET_ADMIN_EMAIL || undefined,
  adminPassword: env.BAYANET_ADMIN_PASSWORD || undefined,
})

/** The parsed environment. */
export type Env = ReturnType<typeof readEnv>
