import { createHmac } from 'node:crypto'

/** The hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64)

/** What an entry's hash covers: every stored column except its own hash and the row id. */
export type ChainedContent = {
  seq: number
  prevHash: string
  action: string
  entity: string
  entityId: string
  actorType: string
  actorId: string | null
  organization: number | null
  data: unknown
  createdAt: string
}

/**
 * JSON with object keys sorted at every depth, so the hash does not depend on key order (Postgres
 * `jsonb` reorders keys on the way in).
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/**
 * The key the chain is signed with. It lives outside the database (`AUDIT_CHAIN_KEY`, else
 * derived from `PAYLOAD_SECRET`), so someone who can only write SQL cannot recompute the hashes
 * after editing a row.
 */
export const chainKey = (env: NodeJS.ProcessEnv = process.env) => {
  const key = env.AUDIT_CHAIN_KEY || env.PAYLOAD_SECRET
  if (!key) throw new Error('Set AUDIT_CHAIN_KEY or PAYLOAD_SECRET to sign the audit log.')
  return env.AUDIT_CHAIN_KEY ? key : `bayanet-audit-chain:${key}`
}

/** HMAC-SHA256 (hex) of an entry's content, which includes the previous entry's hash. */
export const entryHash = (content: ChainedContent, key = chainKey()) =>
  createHmac('sha256', key).update(canonicalJson(content)).digest('hex')

/** Normalises a stored row's values to what was hashed when it was written. */
export const contentOf = (row: {
  seq?: number | null
  prevHash?: string | null
  action: string
  entity: string
  entityId: string
  actorType: string
  actorId?: string | null
  organization?: unknown
  data?: unknown
  createdAt: string
}): ChainedContent => {
  const org = row.organization
  const organization =
    org == null ? null : typeof org === 'object' ? Number((org as { id: unknown }).id) : Number(org)
  return {
    seq: Number(row.seq),
    prevHash: row.prevHash ?? '',
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    actorType: row.actorType,
    actorId: row.actorId ?? null,
    organization,
    data: row.data ?? {},
    createdAt: new Date(row.createdAt).toISOString(),
  }
}
