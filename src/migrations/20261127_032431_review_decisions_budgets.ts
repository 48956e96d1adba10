import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { downReviewGuards, upReviewGuards } from './sql/review'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_submissions_reward_kind" AS ENUM('gcash', 'voucher');
  ALTER TYPE "public"."enum_tasks_fields_type" ADD VALUE 'multiple_choice' BEFORE 'checkbox';
  ALTER TYPE "public"."enum_tasks_fields_type" ADD VALUE 'photo' BEFORE 'date';
  ALTER TYPE "public"."enum_tasks_fields_type" ADD VALUE 'location' BEFORE 'date';
  ALTER TABLE "tasks_fields" ALTER COLUMN "name" DROP NOT NULL;
  ALTER TABLE "tasks" ADD COLUMN "budget_reserved" numeric DEFAULT 0;
  ALTER TABLE "tasks" ADD COLUMN "budget_spent" numeric DEFAULT 0;
  ALTER TABLE "tasks" ADD COLUMN "exhausted" boolean DEFAULT false;
  ALTER TABLE "submissions" ADD COLUMN "reward_kind" "enum_submissions_reward_kind";
  ALTER TABLE "submissions" ADD COLUMN "reward_amount" numeric;
  ALTER TABLE "submissions" ADD COLUMN "appeal_message" varchar;
  ALTER TABLE "submissions" ADD COLUMN "appealed_at" timestamp(3) with time zone;
  CREATE INDEX "tasks_exhausted_idx" ON "tasks" USING btree ("exhausted");`)
  await upReviewGuards({ db, payload, req })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await downReviewGuards({ db, payload, req })
  await db.execute(sql`
   ALTER TABLE "tasks_fields" ALTER COLUMN "type" SET DATA TYPE text;
  ALTER TABLE "tasks_fields" ALTER COLUMN "type" SET DEFAULT 'text'::text;
  DROP TYPE "public"."enum_tasks_fields_type";
  CREATE TYPE "public"."enum_tasks_fields_type" AS ENUM('text', 'textarea', 'number', 'select', 'checkbox', 'date');
  ALTER TABLE "tasks_fields" ALTER COLUMN "type" SET DEFAULT 'text'::"public"."enum_tasks_fields_type";
  ALTER TABLE "tasks_fields" ALTER COLUMN "type" SET DATA TYPE "public"."enum_tasks_fields_type" USING "type"::"public"."enum_tasks_fields_type";
  DROP INDEX "tasks_exhausted_idx";
  ALTER TABLE "tasks_fields" ALTER COLUMN "name" SET NOT NULL;
  ALTER TABLE "tasks" DROP COLUMN "budget_reserved";
  ALTER TABLE "tasks" DROP COLUMN "budget_spent";
  ALTER TABLE "tasks" DROP COLUMN "exhausted";
  ALTER TABLE "submissions" DROP COLUMN "reward_kind";
  ALTER TABLE "submissions" DROP COLUMN "reward_amount";
  ALTER TABLE "submissions" DROP COLUMN "appeal_message";
  ALTER TABLE "submissions" DROP COLUMN "appealed_at";
  DROP TYPE "public"."enum_submissions_reward_kind";`)
}
