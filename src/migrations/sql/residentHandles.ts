import type { MigrateUpArgs } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'

import { residentHandle } from '../../lib/residentHandle'

/** Gives residents who signed up before handles were stored their handle (a keyed hash). */
export const backfillResidentHandles = async ({ db, payload }: Pick<MigrateUpArgs, 'db' | 'payload'>) => {
  const { rows } = await db.execute(sql`SELECT id FROM residents WHERE handle IS NULL`)
  const handles = rows.map((row) => ({
    id: Number(row.id),
    handle: residentHandle(Number(row.id), payload.secret),
  }))
  if (!handles.length) return
  await db.execute(sql`
    UPDATE residents SET handle = u.handle
    FROM jsonb_to_recordset(${JSON.stringify(handles)}::jsonb) AS u(id int, handle text)
    WHERE residents.id = u.id`)
}
