import pg from 'pg'
import { inject } from 'vitest'

/** Runs one SQL query on the test database, to check what really landed in it. */
export const sqlQuery = async <T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
) => {
  const client = new pg.Client({ connectionString: inject('databaseUrl') })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

/** Every table whose text holds `needle` anywhere in a row (the whole public schema). */
export const tablesContaining = async (needle: string) => {
  const tables = await sqlQuery<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )
  const found: string[] = []
  for (const { table_name } of tables) {
    const rows = await sqlQuery(`SELECT 1 FROM "${table_name}" t WHERE t::text LIKE $1 LIMIT 1`, [
      `%${needle}%`,
    ])
    if (rows.length) found.push(table_name)
  }
  return found
}
