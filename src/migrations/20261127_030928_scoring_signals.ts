import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_submissions_score_route" AS ENUM('auto_approve', 'review', 'auto_reject', 'failed');
  CREATE TABLE "photo_hashes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"submission_id" integer NOT NULL,
  	"resident_id" integer NOT NULL,
  	"hash" varchar NOT NULL,
  	"band0" numeric NOT NULL,
  	"band1" numeric NOT NULL,
  	"band2" numeric NOT NULL,
  	"band3" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "places" ADD COLUMN "centre_lat" numeric;
  ALTER TABLE "places" ADD COLUMN "centre_lng" numeric;
  ALTER TABLE "tasks" ADD COLUMN "area_lat" numeric;
  ALTER TABLE "tasks" ADD COLUMN "area_lng" numeric;
  ALTER TABLE "tasks" ADD COLUMN "area_radius_m" numeric;
  ALTER TABLE "tasks" ADD COLUMN "scoring_approve_below" numeric DEFAULT 20;
  ALTER TABLE "tasks" ADD COLUMN "scoring_reject_above" numeric;
  ALTER TABLE "residents" ADD COLUMN "home_barangay_changed_at" timestamp(3) with time zone;
  ALTER TABLE "submissions" ADD COLUMN "device_id" varchar;
  ALTER TABLE "submissions" ADD COLUMN "ip_hash" varchar;
  ALTER TABLE "submissions" ADD COLUMN "score_route" "enum_submissions_score_route";
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "photo_hashes_id" integer;
  ALTER TABLE "photo_hashes" ADD CONSTRAINT "photo_hashes_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "photo_hashes" ADD CONSTRAINT "photo_hashes_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "photo_hashes_submission_idx" ON "photo_hashes" USING btree ("submission_id");
  CREATE INDEX "photo_hashes_resident_idx" ON "photo_hashes" USING btree ("resident_id");
  CREATE INDEX "photo_hashes_band0_idx" ON "photo_hashes" USING btree ("band0");
  CREATE INDEX "photo_hashes_band1_idx" ON "photo_hashes" USING btree ("band1");
  CREATE INDEX "photo_hashes_band2_idx" ON "photo_hashes" USING btree ("band2");
  CREATE INDEX "photo_hashes_band3_idx" ON "photo_hashes" USING btree ("band3");
  CREATE INDEX "photo_hashes_updated_at_idx" ON "photo_hashes" USING btree ("updated_at");
  CREATE INDEX "photo_hashes_created_at_idx" ON "photo_hashes" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_photo_hashes_fk" FOREIGN KEY ("photo_hashes_id") REFERENCES "public"."photo_hashes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "submissions_device_id_idx" ON "submissions" USING btree ("device_id");
  CREATE INDEX "submissions_ip_hash_idx" ON "submissions" USING btree ("ip_hash");
  CREATE INDEX "submissions_score_route_idx" ON "submissions" USING btree ("score_route");
  CREATE INDEX "payload_locked_documents_rels_photo_hashes_id_idx" ON "payload_locked_documents_rels" USING btree ("photo_hashes_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "photo_hashes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "photo_hashes" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_photo_hashes_fk";
  
  DROP INDEX "submissions_device_id_idx";
  DROP INDEX "submissions_ip_hash_idx";
  DROP INDEX "submissions_score_route_idx";
  DROP INDEX "payload_locked_documents_rels_photo_hashes_id_idx";
  ALTER TABLE "places" DROP COLUMN "centre_lat";
  ALTER TABLE "places" DROP COLUMN "centre_lng";
  ALTER TABLE "tasks" DROP COLUMN "area_lat";
  ALTER TABLE "tasks" DROP COLUMN "area_lng";
  ALTER TABLE "tasks" DROP COLUMN "area_radius_m";
  ALTER TABLE "tasks" DROP COLUMN "scoring_approve_below";
  ALTER TABLE "tasks" DROP COLUMN "scoring_reject_above";
  ALTER TABLE "residents" DROP COLUMN "home_barangay_changed_at";
  ALTER TABLE "submissions" DROP COLUMN "device_id";
  ALTER TABLE "submissions" DROP COLUMN "ip_hash";
  ALTER TABLE "submissions" DROP COLUMN "score_route";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "photo_hashes_id";
  DROP TYPE "public"."enum_submissions_score_route";`)
}
