import { sql, type MigrateUpArgs } from '@payloadcms/db-postgres'

/** Messages queued before sealing held codes in plain text: mask what is left of them. */
export const maskPlaintextOtpBodies = async ({ db }: Pick<MigrateUpArgs, 'db'>) => {
  await db.execute(sql`UPDATE "sms_outbox" SET "body" = regexp_replace("body", '[0-9]{6}', '••••••', 'g')`)
}
