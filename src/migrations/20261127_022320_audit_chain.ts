import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import {
  chainExistingAuditEntries,
  dropAuditLogAppendOnly,
  makeAuditLogAppendOnly,
} from './sql/auditChain'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_log" ADD COLUMN "seq" numeric;
  ALTER TABLE "audit_log" ADD COLUMN "prev_hash" varchar;
  ALTER TABLE "audit_log" ADD COLUMN "hash" varchar;
  CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");`)
  await chainExistingAuditEntries(db)
  await makeAuditLogAppendOnly(db)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await dropAuditLogAppendOnly(db)
  await db.execute(sql`
   DROP INDEX "audit_log_seq_idx";
  ALTER TABLE "audit_log" DROP COLUMN "seq";
  ALTER TABLE "audit_log" DROP COLUMN "prev_hash";
  ALTER TABLE "audit_log" DROP COLUMN "hash";`)
}
