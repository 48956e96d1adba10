import { sql, type MigrateUpArgs } from '@payloadcms/db-postgres'

import { contentOf, entryHash, GENESIS_HASH } from '../../lib/auditChain'

type Db = MigrateUpArgs['db']
type Row = Record<string, unknown>

/** Chains the entries written before the chain existed, oldest first. */
export const chainExistingAuditEntries = async (db: Db) => {
  const head = (await db.execute(
    sql`SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`,
  )) as { rows: Row[] }
  let seq = Number(head.rows[0]?.seq ?? 0)
  let prevHash = String(head.rows[0]?.hash ?? GENESIS_HASH)
  const { rows } = (await db.execute(
    sql`SELECT id, action, entity, entity_id, actor_type, actor_id, organization_id, data, created_at
        FROM audit_log WHERE seq IS NULL ORDER BY created_at, id`,
  )) as { rows: Row[] }
  for (const row of rows) {
    seq++
    const content = contentOf({
      seq,
      prevHash,
      action: String(row.action),
      entity: String(row.entity),
      entityId: String(row.entity_id),
      actorType: String(row.actor_type),
      actorId: row.actor_id == null ? null : String(row.actor_id),
      organization: row.organization_id,
      data: row.data,
      createdAt: new Date(row.created_at as string).toISOString(),
    })
    const hash = entryHash(content)
    await db.execute(
      sql`UPDATE audit_log SET seq = ${seq}, prev_hash = ${prevHash}, hash = ${hash} WHERE id = ${row.id}`,
    )
    prevHash = hash
  }
}

/**
 * Refuses UPDATE and DELETE on the audit log in the database itself, so rewriting history needs
 * a superuser to drop the trigger first — and even then the chain shows where.
 */
export const makeAuditLogAppendOnly = async (db: Db) => {
  await db.execute(sql`
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP;
    END $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
  `)
}

/** Undoes `makeAuditLogAppendOnly`. */
export const dropAuditLogAppendOnly = async (db: Db) => {
  await db.execute(sql`
    DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
    DROP FUNCTION IF EXISTS audit_log_append_only();
  `)
}
