import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { backfillResidentHandles } from './sql/residentHandles'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_campaigns_startsat_tz" AS ENUM('Asia/Manila');
  CREATE TYPE "public"."enum_campaigns_endsat_tz" AS ENUM('Asia/Manila');
  CREATE TYPE "public"."enum_sponsorships_status" AS ENUM('pending', 'accepted', 'declined', 'left');
  CREATE TABLE "sponsorships" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"summary" varchar,
  	"organization_id" integer NOT NULL,
  	"status" "enum_sponsorships_status" DEFAULT 'pending' NOT NULL,
  	"task_id" integer,
  	"campaign_id" integer,
  	"invited_by_organization_id" integer,
  	"invited_by_id" integer,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "campaigns" ADD COLUMN "startsat_tz" "enum_campaigns_startsat_tz" DEFAULT 'Asia/Manila';
  ALTER TABLE "campaigns" ADD COLUMN "endsat_tz" "enum_campaigns_endsat_tz" DEFAULT 'Asia/Manila';
  ALTER TABLE "residents" ADD COLUMN "handle" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sponsorships_id" integer;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_invited_by_organization_id_organizations_id_fk" FOREIGN KEY ("invited_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "sponsorships_organization_idx" ON "sponsorships" USING btree ("organization_id");
  CREATE INDEX "sponsorships_status_idx" ON "sponsorships" USING btree ("status");
  CREATE INDEX "sponsorships_task_idx" ON "sponsorships" USING btree ("task_id");
  CREATE INDEX "sponsorships_campaign_idx" ON "sponsorships" USING btree ("campaign_id");
  CREATE INDEX "sponsorships_invited_by_organization_idx" ON "sponsorships" USING btree ("invited_by_organization_id");
  CREATE INDEX "sponsorships_invited_by_idx" ON "sponsorships" USING btree ("invited_by_id");
  CREATE INDEX "sponsorships_decided_by_idx" ON "sponsorships" USING btree ("decided_by_id");
  CREATE INDEX "sponsorships_updated_at_idx" ON "sponsorships" USING btree ("updated_at");
  CREATE INDEX "sponsorships_created_at_idx" ON "sponsorships" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sponsorships_fk" FOREIGN KEY ("sponsorships_id") REFERENCES "public"."sponsorships"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "residents_handle_idx" ON "residents" USING btree ("handle");
  CREATE INDEX "payload_locked_documents_rels_sponsorships_id_idx" ON "payload_locked_documents_rels" USING btree ("sponsorships_id");`)
  await backfillResidentHandles({ db, payload })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sponsorships" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sponsorships" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sponsorships_fk";
  
  DROP INDEX "residents_handle_idx";
  DROP INDEX "payload_locked_documents_rels_sponsorships_id_idx";
  ALTER TABLE "campaigns" DROP COLUMN "startsat_tz";
  ALTER TABLE "campaigns" DROP COLUMN "endsat_tz";
  ALTER TABLE "residents" DROP COLUMN "handle";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sponsorships_id";
  DROP TYPE "public"."enum_campaigns_startsat_tz";
  DROP TYPE "public"."enum_campaigns_endsat_tz";
  DROP TYPE "public"."enum_sponsorships_status";`)
}
