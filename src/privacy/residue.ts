import type { Pool } from 'pg'

/** A table that still holds one of the values looked for. */
export type Residue = { table: string; needle: string; rows: number }

/**
 * Not scanned: Agenda's jobs hold only ids of our own records (jobs/names.ts). The sandbox
 * payout provider's table is scanned: it lives in our database, so erasure pseudonymises it.
 */
const SKIPPED_TABLES = new Set(['agenda_jobs', 'payload_migrations'])

/**
 * Scans every table of the public schema, whole rows as text, for each needle (a phone
 * number, a name, a free-text answer). Used after an erasure to prove nothing is left, by
 * the tests and by `npm run battery:privacy`.
 */
export const findResidue = async (pool: Pool, needles: string[]): Promise<Residue[]> => {
  const { rows: tables } = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  const found: Residue[] = []
  for (const { table_name: table } of tables) {
    if (SKIPPED_TABLES.has(table)) continue
    for (const needle of needles.filter(Boolean)) {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}" t WHERE strpos(t::text, $1) > 0`,
        [needle],
      )
      const n = Number(rows[0]?.n ?? 0)
      if (n) found.push({ table, needle, rows: n })
    }
  }
  return found
}

/** The spellings a Philippine mobile number can be stored in: +639…, 639… and 09…. */
export const phoneSpellings = (e164: string) => {
  const national = e164.replace(/^\+63/, '')
  return [e164, `63${national}`, `0${national}`]
}
