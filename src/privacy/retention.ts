import { sql } from '@payloadcms/db-postgres'
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { scrubResidentData } from '../../collections/Residents/operations/eraseResident'
import { withTransaction } from '../lib/transaction'
import { personalCollections } from './dataMap'

/** How long personal data is kept before the daily retention job removes it. */
export type RetentionPeriods = {
  /** One-time-code records (`RETENTION_OTP_HOURS`, default 24). */
  otpHours: number
  /** IP addresses, wherever DATA_MAP lists them (`RETENTION_IP_DAYS`, default 30). */
  ipDays: number
  /** Photos of rejected submissions, after the decision (`RETENTION_REJECTED_PHOTO_DAYS`, default 30: the appeal window). */
  rejectedPhotoDays: number
}

const positive = (name: string, fallback: number) => {
  const raw = process.env[name]
  if (raw == null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number (got "${raw}")`)
  }
  return value
}

/** The periods from the environment; a bad value stops the worker with the variable's name. */
export const retentionPeriods = (): RetentionPeriods => ({
  otpHours: positive('RETENTION_OTP_HOURS', 24),
  ipDays: positive('RETENTION_IP_DAYS', 30),
  rejectedPhotoDays: positive('RETENTION_REJECTED_PHOTO_DAYS', 30),
})

/** What one run removed; counts only, never the data. */
export type RetentionResult =
  | { skipped: true }
  | { skipped: false; otp: number; ips: number; rejectedPhotos: number; erasedResidents: number }

const HOUR = 60 * 60 * 1000
const LOCK_KEY = 'bayanet:privacy-retention'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: { ok: boolean }[] }> }
type Sessions = { sessions?: Record<string | number, { db?: Executor } | undefined> }

/** Takes the cluster-wide retention lock for this transaction; false when another run holds it. */
const tryClusterLock = async (req: PayloadRequest) => {
  const { sessions } = req.payload.db as unknown as Sessions
  const session = req.transactionID && sessions ? sessions[await req.transactionID] : undefined
  if (!session?.db) return true // not Postgres: the unique daily job is the only guard
  const { rows } = await session.db.execute(
    sql`SELECT pg_try_advisory_xact_lock(hashtext(${LOCK_KEY})) AS ok`,
  )
  return Boolean(rows[0]?.ok)
}

const deleteProofs = async (req: PayloadRequest, ids: number[]) => {
  if (!ids.length || !('proofs' in req.payload.collections)) return 0
  // Through Payload, so the storage adapter deletes the files on disk or S3 too.
  const result = await req.payload.delete({
    collection: 'proofs' as CollectionSlug,
    where: { id: { in: ids } },
    overrideAccess: true,
    req,
  })
  return result.docs.length
}

/**
 * The daily retention run: one-time codes after `otpHours`, IP addresses after `ipDays`,
 * rejected submissions' photos after `rejectedPhotoDays`, and anything an erasure left behind.
 * Runs once per cluster at a time (a Postgres advisory lock); every step is idempotent.
 */
export const runRetention = async (
  payload: Payload,
  {
    now = Date.now(),
    periods = retentionPeriods(),
  }: { now?: number; periods?: RetentionPeriods } = {},
): Promise<RetentionResult> =>
  withTransaction(payload, async (req) => {
    if (!(await tryClusterLock(req))) return { skipped: true as const }
    const before = (ms: number) => new Date(now - ms).toISOString()

    const otp = await payload.delete({
      collection: 'otp-challenges',
      where: { createdAt: { less_than: before(periods.otpHours * HOUR) } },
      overrideAccess: true,
      req,
    })

    let ips = 0
    for (const [slug, entry] of personalCollections()) {
      for (const field of entry.ipFields ?? []) {
        const where: Where = {
          and: [
            { createdAt: { less_than: before(periods.ipDays * 24 * HOUR) } },
            { [field]: { exists: true } },
          ],
        }
        const { totalDocs } = await payload.count({
          collection: slug,
          where,
          overrideAccess: true,
          req,
        })
        if (!totalDocs) continue
        // The adapter's bulk update: one statement, no hooks (nothing else changes).
        await payload.db.updateMany({
          collection: slug,
          where,
          data: { [field]: null },
          req,
          returning: false,
        })
        ips += totalDocs
      }
    }

    let rejectedPhotos = 0
    if ('proofs' in payload.collections) {
      const { docs } = await payload.find({
        collection: 'submissions',
        where: {
          and: [
            { status: { equals: 'rejected' } },
            { reviewedAt: { less_than: before(periods.rejectedPhotoDays * 24 * HOUR) } },
            { proof: { exists: true } },
          ],
        },
        limit: 0,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const ids = docs
        .map((doc) => (doc as unknown as { proof?: number | { id: number } | null }).proof)
        .map((proof) => (typeof proof === 'object' ? proof?.id : proof))
        .filter((id): id is number => typeof id === 'number')
      rejectedPhotos = await deleteProofs(req, ids)
    }

    const { docs: erased } = await payload.find({
      collection: 'residents',
      where: { erasedAt: { exists: true } },
      limit: 0,
      depth: 0,
      select: { erasedAt: true },
      overrideAccess: true,
      req,
    })
    let erasedResidents = 0
    for (const resident of erased) {
      const counts = await scrubResidentData(req, resident.id, [])
      if (Object.values(counts).some(Boolean)) erasedResidents++
    }

    return { skipped: false as const, otp: otp.docs.length, ips, rejectedPhotos, erasedResidents }
  })
