import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { downMoney, upMoney } from './sql/money'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_rewards_currency" AS ENUM('PHP');
  CREATE TYPE "public"."enum_payout_ledger_entry" AS ENUM('payout', 'reversal');
  CREATE TYPE "public"."enum_payout_ledger_currency" AS ENUM('PHP');
  CREATE TABLE "payout_ledger" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reward_id" integer NOT NULL,
  	"entry" "enum_payout_ledger_entry" NOT NULL,
  	"amount" numeric NOT NULL,
  	"currency" "enum_payout_ledger_currency" NOT NULL,
  	"provider" varchar NOT NULL,
  	"provider_ref" varchar,
  	"organization_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "voucher_pools" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"organization_id" integer NOT NULL,
  	"low_watermark" numeric DEFAULT 20,
  	"last_import" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "voucher_codes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"pool_id" integer NOT NULL,
  	"code" varchar NOT NULL,
  	"reward_id" integer,
  	"assigned_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tasks" ADD COLUMN "reward_voucher_pool_id" integer;
  ALTER TABLE "rewards" ADD COLUMN "currency" "enum_rewards_currency" DEFAULT 'PHP';
  ALTER TABLE "rewards" ADD COLUMN "account" varchar;
  ALTER TABLE "rewards" ADD COLUMN "account_name" varchar;
  ALTER TABLE "rewards" ADD COLUMN "voucher_pool_id" integer;
  ALTER TABLE "rewards" ADD COLUMN "payout_key" varchar;
  ALTER TABLE "rewards" ADD COLUMN "provider_status" varchar;
  ALTER TABLE "rewards" ADD COLUMN "reversed_at" timestamp(3) with time zone;
  ALTER TABLE "rewards" ADD COLUMN "alerted_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "payout_ledger_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "voucher_pools_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "voucher_codes_id" integer;
  ALTER TABLE "payout_ledger" ADD CONSTRAINT "payout_ledger_reward_id_rewards_id_fk" FOREIGN KEY ("reward_id") REFERENCES "public"."rewards"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_ledger" ADD CONSTRAINT "payout_ledger_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "voucher_pools" ADD CONSTRAINT "voucher_pools_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "voucher_codes" ADD CONSTRAINT "voucher_codes_pool_id_voucher_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."voucher_pools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "voucher_codes" ADD CONSTRAINT "voucher_codes_reward_id_rewards_id_fk" FOREIGN KEY ("reward_id") REFERENCES "public"."rewards"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "payout_ledger_reward_idx" ON "payout_ledger" USING btree ("reward_id");
  CREATE INDEX "payout_ledger_organization_idx" ON "payout_ledger" USING btree ("organization_id");
  CREATE INDEX "payout_ledger_updated_at_idx" ON "payout_ledger" USING btree ("updated_at");
  CREATE INDEX "payout_ledger_created_at_idx" ON "payout_ledger" USING btree ("created_at");
  CREATE INDEX "voucher_pools_organization_idx" ON "voucher_pools" USING btree ("organization_id");
  CREATE INDEX "voucher_pools_updated_at_idx" ON "voucher_pools" USING btree ("updated_at");
  CREATE INDEX "voucher_pools_created_at_idx" ON "voucher_pools" USING btree ("created_at");
  CREATE INDEX "voucher_codes_pool_idx" ON "voucher_codes" USING btree ("pool_id");
  CREATE UNIQUE INDEX "voucher_codes_reward_idx" ON "voucher_codes" USING btree ("reward_id");
  CREATE INDEX "voucher_codes_updated_at_idx" ON "voucher_codes" USING btree ("updated_at");
  CREATE INDEX "voucher_codes_created_at_idx" ON "voucher_codes" USING btree ("created_at");
  ALTER TABLE "tasks" ADD CONSTRAINT "tasks_reward_voucher_pool_id_voucher_pools_id_fk" FOREIGN KEY ("reward_voucher_pool_id") REFERENCES "public"."voucher_pools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rewards" ADD CONSTRAINT "rewards_voucher_pool_id_voucher_pools_id_fk" FOREIGN KEY ("voucher_pool_id") REFERENCES "public"."voucher_pools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_payout_ledger_fk" FOREIGN KEY ("payout_ledger_id") REFERENCES "public"."payout_ledger"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_voucher_pools_fk" FOREIGN KEY ("voucher_pools_id") REFERENCES "public"."voucher_pools"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_voucher_codes_fk" FOREIGN KEY ("voucher_codes_id") REFERENCES "public"."voucher_codes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "tasks_reward_reward_voucher_pool_idx" ON "tasks" USING btree ("reward_voucher_pool_id");
  CREATE INDEX "rewards_voucher_pool_idx" ON "rewards" USING btree ("voucher_pool_id");
  CREATE UNIQUE INDEX "rewards_payout_key_idx" ON "rewards" USING btree ("payout_key");
  CREATE INDEX "payload_locked_documents_rels_payout_ledger_id_idx" ON "payload_locked_documents_rels" USING btree ("payout_ledger_id");
  CREATE INDEX "payload_locked_documents_rels_voucher_pools_id_idx" ON "payload_locked_documents_rels" USING btree ("voucher_pools_id");
  CREATE INDEX "payload_locked_documents_rels_voucher_codes_id_idx" ON "payload_locked_documents_rels" USING btree ("voucher_codes_id");`)
  await upMoney({ db })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await downMoney({ db })
  await db.execute(sql`
   ALTER TABLE "payout_ledger" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "voucher_pools" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "voucher_codes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payout_ledger" CASCADE;
  DROP TABLE "voucher_pools" CASCADE;
  DROP TABLE "voucher_codes" CASCADE;
  ALTER TABLE "tasks" DROP CONSTRAINT "tasks_reward_voucher_pool_id_voucher_pools_id_fk";
  
  ALTER TABLE "rewards" DROP CONSTRAINT "rewards_voucher_pool_id_voucher_pools_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_payout_ledger_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_voucher_pools_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_voucher_codes_fk";
  
  DROP INDEX "tasks_reward_reward_voucher_pool_idx";
  DROP INDEX "rewards_voucher_pool_idx";
  DROP INDEX "rewards_payout_key_idx";
  DROP INDEX "payload_locked_documents_rels_payout_ledger_id_idx";
  DROP INDEX "payload_locked_documents_rels_voucher_pools_id_idx";
  DROP INDEX "payload_locked_documents_rels_voucher_codes_id_idx";
  ALTER TABLE "tasks" DROP COLUMN "reward_voucher_pool_id";
  ALTER TABLE "rewards" DROP COLUMN "currency";
  ALTER TABLE "rewards" DROP COLUMN "account";
  ALTER TABLE "rewards" DROP COLUMN "account_name";
  ALTER TABLE "rewards" DROP COLUMN "voucher_pool_id";
  ALTER TABLE "rewards" DROP COLUMN "payout_key";
  ALTER TABLE "rewards" DROP COLUMN "provider_status";
  ALTER TABLE "rewards" DROP COLUMN "reversed_at";
  ALTER TABLE "rewards" DROP COLUMN "alerted_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "payout_ledger_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "voucher_pools_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "voucher_codes_id";
  DROP TYPE "public"."enum_rewards_currency";
  DROP TYPE "public"."enum_payout_ledger_entry";
  DROP TYPE "public"."enum_payout_ledger_currency";`)
}
