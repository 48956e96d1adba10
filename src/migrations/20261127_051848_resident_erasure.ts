import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "residents" ADD COLUMN "erased_at" timestamp(3) with time zone;
  CREATE INDEX "residents_erased_at_idx" ON "residents" USING btree ("erased_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "residents_erased_at_idx";
  ALTER TABLE "residents" DROP COLUMN "erased_at";`)
}
