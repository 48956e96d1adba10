import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tasks" ALTER COLUMN "scoring_approve_below" DROP DEFAULT;`)
  // Until now no threshold decided anything, so the 20 every task got from the old default
  // is not a choice anyone made: scoring decides only where someone opts in from here on.
  await db.execute(sql`
   UPDATE "tasks" SET "scoring_approve_below" = NULL WHERE "scoring_approve_below" = 20;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tasks" ALTER COLUMN "scoring_approve_below" SET DEFAULT 20;`)
}
