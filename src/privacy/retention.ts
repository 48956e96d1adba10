import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest, Where } from 'payload'

import { scrubResidentData } from '../../collections/Residents/operations/eraseResident'
import { idOf } from '../lib/ids'
import { withTransaction } from '../lib/transaction'
import type { Submission, Task } from '../payload-types'
import { personalCollections } from './dataMap'

/** How long personal data is kept before the daily retention job removes it. */
export type RetentionPeriods = {
  /** One-time-code records (`RETENTION_OTP_HOURS`, default 24). */
  otpHours: number
  /** IP addresses, wherever DATA_MAP lists them (`RETENTION_IP_DAYS`, default 30). */
  ipDays: number
  /** Photos of rejected submissions, after the decision (`RETENTION_REJECTED_PHOTO_DAYS`, default 30: the appeal window). */
  rejectedPhotoDays: number
  /** Photos uploaded but never used by a submission (`RETENTION_UNUSED_PHOTO_DAYS`, default 7: an offline outbox may send late). */
  unusedPhotoDays: number
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
  unusedPhotoDays: positive('RETENTION_UNUSED_PHOTO_DAYS', 7),
})

/** What one run removed; counts only, never the data. */
export type RetentionResult =
  | { skipped: true }
  | {
      skipped: false
      otp: number
      ips: number
      rejectedPhotos: number
      unusedPhotos: number
      erasedResidents: number
    }

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

/**
 * Deletes proofs through Payload, so the storage adapter deletes their files on disk or S3 too,
 * and the photo hashes derived from them (by submission: a hash row names no proof).
 */
const deleteProofs = async (req: PayloadRequest, ids: number[], submissionIds: number[] = []) => {
  if (!ids.length) return 0
  const result = await req.payload.delete({
    collection: 'proofs',
    where: { id: { in: ids } },
    overrideAccess: true,
    req,
  })
  if (submissionIds.length) {
    await req.payload.delete({
      collection: 'photo-hashes',
      where: { submission: { in: submissionIds } },
      overrideAccess: true,
      req,
    })
  }
  return result.docs.length
}

/** The proofs a submission used: its `proof` and the answers to its task's photo questions. */
const proofIdsOf = (submission: Submission, task: Pick<Task, 'fields'> | undefined) => {
  const ids = new Set<number>()
  const main = idOf(submission.proof)
  if (typeof main === 'number') ids.add(main)
  const answers = (submission.answers ?? {}) as Record<string, unknown>
  for (const q of task?.fields ?? []) {
    const value = q.type === 'photo' && q.name ? answers[q.name] : undefined
    if (Number.isInteger(value)) ids.add(value as number)
  }
  return [...ids]
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

    const { docs: rejected } = await payload.find({
      collection: 'submissions',
      where: {
        and: [
          { status: { equals: 'rejected' } },
          { reviewedAt: { less_than: before(periods.rejectedPhotoDays * 24 * HOUR) } },
          // Deleting the proof clears this (a set-null reference): each is done once.
          { proof: { exists: true } },
        ],
      },
      limit: 0,
      depth: 0,
      select: { proof: true, answers: true, task: true },
      overrideAccess: true,
      req,
    })
    const taskIds = [...new Set(rejected.map((s) => idOf(s.task)))].filter(
      (id): id is number => typeof id === 'number',
    )
    const { docs: tasks } = await payload.find({
      collection: 'tasks',
      where: { id: { in: taskIds } },
      limit: 0,
      depth: 0,
      select: { fields: true },
      overrideAccess: true,
      req,
    })
    const formOf = new Map(tasks.map((task) => [task.id, task]))
    const rejectedPhotos = await deleteProofs(
      req,
      rejected.flatMap((s) => proofIdsOf(s as Submission, formOf.get(idOf(s.task)!))),
      rejected.map((s) => s.id),
    )

    // Uploaded, never used by a submission (the submission was refused, or never sent).
    const { docs: unused } = await payload.find({
      collection: 'proofs',
      where: {
        and: [
          { task: { exists: false } },
          { createdAt: { less_than: before(periods.unusedPhotoDays * 24 * HOUR) } },
        ],
      },
      limit: 0,
      depth: 0,
      select: { task: true },
      overrideAccess: true,
      req,
    })
    const unusedPhotos = await deleteProofs(
      req,
      unused.map((proof) => proof.id),
    )

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

    return {
      skipped: false as const,
      otp: otp.docs.length,
      ips,
      rejectedPhotos,
      unusedPhotos,
      erasedResidents,
    }
  })
