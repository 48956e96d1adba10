import type { Payload, PayloadRequest } from 'payload'

import { BANDS, bandsOf, MAX_INDEXED_DISTANCE, probesOf } from './bands'
import { hammingDistance } from './phash'
import type { NearDuplicate } from './types'

/**
 * Photos this many bits apart or closer are the same photo: resized, recompressed or trimmed a
 * little at the edges (measured: ≤ 10 bits for copies cropped 5% per edge; different photos of
 * the same street ≥ 18). Must not exceed MAX_INDEXED_DISTANCE, or the index would miss some.
 */
export const NEAR_DUPLICATE_DISTANCE = 10

type Pool = { query: (text: string, values: unknown[]) => Promise<{ rows: Row[] }> }
type Row = { submission: number; resident: number; distance: number }

const poolOf = (payload: Payload) => (payload.db as unknown as { pool?: Pool }).pool

const HAMMING = `bit_count(('x' || hash)::bit(64) # ('x' || $1)::bit(64))::int`

/**
 * The photos within `maxDistance` bits of `hash`, closest first, found through the band index
 * (Postgres: one query; other databases: the Local API and a filter in code).
 */
export const findNearDuplicates = async (
  payload: Payload,
  hash: string,
  {
    exceptSubmission,
    maxDistance = NEAR_DUPLICATE_DISTANCE,
    limit = 5,
  }: { exceptSubmission?: number; maxDistance?: number; limit?: number } = {},
): Promise<NearDuplicate[]> => {
  if (maxDistance > MAX_INDEXED_DISTANCE) {
    throw new Error(`the band index finds hashes up to ${MAX_INDEXED_DISTANCE} bits apart`)
  }
  const probes = bandsOf(hash).map((band) => probesOf(band))
  const pool = poolOf(payload)
  if (pool) {
    const bands = probes.map((_, i) => `band${i} = ANY($${i + 2}::numeric[])`).join(' OR ')
    const { rows } = await pool.query(
      `SELECT submission_id AS submission, resident_id AS resident, ${HAMMING} AS distance
       FROM photo_hashes
       WHERE (${bands}) AND submission_id <> $6 AND ${HAMMING} <= $7
       ORDER BY distance, submission_id LIMIT $8`,
      [hash, ...probes, exceptSubmission ?? -1, maxDistance, limit],
    )
    return rows.map((row) => ({ ...row, distance: Number(row.distance) }))
  }
  const { docs } = await payload.find({
    collection: 'photo-hashes',
    where: {
      or: probes.map((values, i) => ({ [`band${i}`]: { in: values } })),
      ...(exceptSubmission ? { submission: { not_equals: exceptSubmission } } : {}),
    },
    pagination: false,
    limit: 0,
    depth: 0,
    overrideAccess: true,
  })
  return docs
    .map((doc) => ({
      submission: Number(doc.submission),
      resident: Number(doc.resident),
      distance: hammingDistance(hash, doc.hash),
    }))
    .filter((match) => match.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || a.submission - b.submission)
    .slice(0, limit)
}

/**
 * The same search without the index: every row's distance. Only the benchmark's baseline, and
 * proof in tests that the index misses nothing.
 */
export const scanNearDuplicates = async (
  payload: Payload,
  hash: string,
  maxDistance = NEAR_DUPLICATE_DISTANCE,
  limit = 5,
): Promise<NearDuplicate[]> => {
  const pool = poolOf(payload)
  if (!pool) throw new Error('the full scan is written for Postgres')
  const { rows } = await pool.query(
    `SELECT submission_id AS submission, resident_id AS resident, ${HAMMING} AS distance
     FROM photo_hashes WHERE ${HAMMING} <= $2 ORDER BY distance, submission_id LIMIT $3`,
    [hash, maxDistance, limit],
  )
  return rows.map((row) => ({ ...row, distance: Number(row.distance) }))
}

/** Adds a submission's photo to the index; a second call for the same submission does nothing. */
export const indexPhotoHash = async (
  payload: Payload,
  entry: { submission: number; resident: number; hash: string },
  req?: PayloadRequest,
) => {
  const existing = await payload.count({
    collection: 'photo-hashes',
    where: { submission: { equals: entry.submission } },
    overrideAccess: true,
    req,
  })
  if (existing.totalDocs) return
  const bands = Object.fromEntries(bandsOf(entry.hash).map((value, i) => [`band${i}`, value]))
  await payload.create({
    collection: 'photo-hashes',
    data: { ...entry, ...bands } as { submission: number; resident: number; hash: string } & Record<
      `band${0 | 1 | 2 | 3}`,
      number
    >,
    overrideAccess: true,
    req,
  })
}

/** How many bands the index keeps per photo (for the README and the bench). */
export const PHOTO_HASH_BANDS = BANDS
