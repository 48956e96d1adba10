import type { Payload } from 'payload'

import { placeExtras } from './placeLabels'
import { PSGC_RELEASE, psgcRows, type PsgcRow } from './psgcRows'
import { PLACE_LEVELS } from '../index'

/** Loads the PSGC tree into `places` unless it is already there. Returns how many rows it added. */
export const loadPsgc = async (payload: Payload): Promise<number> => {
  const existing = await payload.count({ collection: 'places', overrideAccess: true })
  if (existing.totalDocs > 0) return 0
  const rows = psgcRows()
  const pool = (payload.db as unknown as { pool?: import('pg').Pool }).pool
  if (pool) await insertWithPostgres(pool, rows)
  else await insertWithLocalApi(payload, rows)
  payload.logger.info(`loaded ${rows.length} places from PSGC ${PSGC_RELEASE}`)
  return rows.length
}

/**
 * The Postgres fast path: one INSERT per level, each resolving parents by code with a join,
 * all in one transaction under an advisory lock so concurrent starts load once.
 */
const insertWithPostgres = async (pool: import('pg').Pool, rows: PsgcRow[]) => {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query("SELECT pg_advisory_xact_lock(hashtext('bayanet.psgc'))")
    const { rows: count } = await client.query<{ n: string }>('SELECT count(*) AS n FROM places')
    if (Number(count[0].n) > 0) {
      await client.query('ROLLBACK')
      return
    }
    const extras = placeExtras(rows)
    for (const level of PLACE_LEVELS) {
      const batch = rows.filter((row) => row.level === level)
      if (!batch.length) continue
      const extra = batch.map((r) => extras.get(r.code)!)
      await client.query(
        `INSERT INTO places (code, name, level, parent_id, label, lineage, barangays, created_at, updated_at)
         SELECT u.code, u.name, u.level::enum_places_level, p.id, u.label, u.lineage, u.barangays, now(), now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
           AS u(code, name, level, parent_code, label, lineage, barangays)
         LEFT JOIN places p ON p.code = u.parent_code`,
        [
          batch.map((r) => r.code),
          batch.map((r) => r.name),
          batch.map((r) => r.level),
          batch.map((r) => r.parentCode),
          extra.map((e) => e.label),
          extra.map((e) => e.lineage),
          extra.map((e) => e.barangays),
        ],
      )
    }
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

/** Any other database: the Local API, level by level. Slow (minutes) but portable. */
const insertWithLocalApi = async (payload: Payload, rows: PsgcRow[]) => {
  const idByCode = new Map<string, number>()
  const extras = placeExtras(rows)
  for (const row of rows) {
    const doc = await payload.create({
      collection: 'places',
      data: {
        code: row.code,
        name: row.name,
        level: row.level,
        ...extras.get(row.code),
        parent: row.parentCode ? idByCode.get(row.parentCode) : undefined,
      },
      overrideAccess: true,
      depth: 0,
    })
    idByCode.set(row.code, doc.id as number)
  }
}
