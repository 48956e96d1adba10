import type { MigrateUpArgs } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres'

import { placeExtras } from '../../../collections/Places/operations/placeLabels'
import { psgcRows } from '../../../collections/Places/operations/psgcRows'

/**
 * Fills `label`, `lineage` and `barangays` on places loaded before those columns existed.
 * A fresh database has no places yet (the loader fills them at insert), so this does nothing.
 */
export const backfillPlaceLabels = async ({ db }: Pick<MigrateUpArgs, 'db'>) => {
  const existing = await db.execute(sql`SELECT 1 FROM places LIMIT 1`)
  if (!existing.rows.length) return
  const rows = [...placeExtras(psgcRows())].map(([code, extra]) => ({ code, ...extra }))
  // One JSON parameter: a statement can carry only so many bound values.
  await db.execute(sql`
    UPDATE places SET label = u.label, lineage = u.lineage, barangays = u.barangays
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS u(code text, label text, lineage text, barangays int)
    WHERE places.code = u.code`)
}
