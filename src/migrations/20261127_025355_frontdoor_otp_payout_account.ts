import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { maskPlaintextOtpBodies } from './sql/smsOutbox'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_sms_outbox_language" AS ENUM('en', 'fil');
  CREATE TYPE "public"."enum_otp_challenges_purpose" AS ENUM('sign-in', 'payout-account');
  ALTER TYPE "public"."enum_sms_outbox_purpose" ADD VALUE 'payout-account';
  ALTER TABLE "residents" ADD COLUMN "pending_gcash_number" varchar;
  ALTER TABLE "sms_outbox" ADD COLUMN "sealed_body" varchar;
  ALTER TABLE "sms_outbox" ADD COLUMN "language" "enum_sms_outbox_language";
  ALTER TABLE "sms_outbox" ADD COLUMN "attempts" numeric DEFAULT 0;
  ALTER TABLE "otp_challenges" ADD COLUMN "purpose" "enum_otp_challenges_purpose" DEFAULT 'sign-in' NOT NULL;
  ALTER TABLE "otp_challenges" ADD COLUMN "resident_id" integer;
  ALTER TABLE "otp_challenges" ADD COLUMN "nonce" varchar;
  ALTER TABLE "otp_challenges" ADD CONSTRAINT "otp_challenges_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "sms_outbox_to_idx" ON "sms_outbox" USING btree ("to");
  CREATE INDEX "otp_challenges_resident_idx" ON "otp_challenges" USING btree ("resident_id");`)
  await maskPlaintextOtpBodies({ db })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "otp_challenges" DROP CONSTRAINT "otp_challenges_resident_id_residents_id_fk";
  
  ALTER TABLE "sms_outbox" ALTER COLUMN "purpose" SET DATA TYPE text;
  DROP TYPE "public"."enum_sms_outbox_purpose";
  CREATE TYPE "public"."enum_sms_outbox_purpose" AS ENUM('otp');
  ALTER TABLE "sms_outbox" ALTER COLUMN "purpose" SET DATA TYPE "public"."enum_sms_outbox_purpose" USING "purpose"::"public"."enum_sms_outbox_purpose";
  DROP INDEX "sms_outbox_to_idx";
  DROP INDEX "otp_challenges_resident_idx";
  ALTER TABLE "residents" DROP COLUMN "pending_gcash_number";
  ALTER TABLE "sms_outbox" DROP COLUMN "sealed_body";
  ALTER TABLE "sms_outbox" DROP COLUMN "language";
  ALTER TABLE "sms_outbox" DROP COLUMN "attempts";
  ALTER TABLE "otp_challenges" DROP COLUMN "purpose";
  ALTER TABLE "otp_challenges" DROP COLUMN "resident_id";
  ALTER TABLE "otp_challenges" DROP COLUMN "nonce";
  DROP TYPE "public"."enum_sms_outbox_language";
  DROP TYPE "public"."enum_otp_challenges_purpose";`)
}
