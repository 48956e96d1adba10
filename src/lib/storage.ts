import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import { ConfigError } from '../env'

/** S3 settings from the environment, or undefined for local disk. */
export const s3Settings = (env: NodeJS.ProcessEnv = process.env) => {
  const bucket = env.S3_BUCKET || undefined
  if (!bucket) return undefined
  const missing = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !env[name])
  if (missing.length) throw new ConfigError(`S3_BUCKET is set, so set ${missing.join(' and ')} too`)
  return {
    bucket,
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    forcePathStyle: ['1', 'true', 'yes', 'on'].includes(
      (env.S3_FORCE_PATH_STYLE ?? '').toLowerCase(),
    ),
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
  }
}

/**
 * Proof storage: local disk by default; with `S3_BUCKET` set, any S3-compatible store through
 * `@payloadcms/storage-s3`. Files are still served only through Payload's access-checked URL
 * (no public object URLs, no presigned links), with the same headers as from disk.
 */
export const proofStorage = (): Plugin[] => {
  const s3 = s3Settings()
  return [
    s3Storage({
      enabled: Boolean(s3),
      // The same columns with or without S3, so the committed migrations fit both.
      alwaysInsertFields: true,
      collections: { proofs: { prefix: 'proofs' } },
      bucket: s3?.bucket ?? 'unset',
      config: {
        endpoint: s3?.endpoint,
        region: s3?.region,
        forcePathStyle: s3?.forcePathStyle,
        credentials: s3
          ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
          : undefined,
      },
    }),
  ]
}
