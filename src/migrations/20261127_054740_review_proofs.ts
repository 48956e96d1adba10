import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "proofs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"resident_id" integer,
  	"task_id" integer,
  	"organization_id" integer,
  	"captured_at" timestamp(3) with time zone,
  	"exif_location_lat" numeric,
  	"exif_location_lng" numeric,
  	"phash" varchar,
  	"prefix" varchar DEFAULT 'proofs',
  	"_objectkey" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar
  );
  
  ALTER TABLE "submissions" ADD COLUMN "proof_id" integer;
  ALTER TABLE "proofs" ADD CONSTRAINT "proofs_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proofs" ADD CONSTRAINT "proofs_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proofs" ADD CONSTRAINT "proofs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "proofs_resident_idx" ON "proofs" USING btree ("resident_id");
  CREATE INDEX "proofs_task_idx" ON "proofs" USING btree ("task_id");
  CREATE INDEX "proofs_organization_idx" ON "proofs" USING btree ("organization_id");
  CREATE INDEX "proofs_phash_idx" ON "proofs" USING btree ("phash");
  CREATE INDEX "proofs_updated_at_idx" ON "proofs" USING btree ("updated_at");
  CREATE INDEX "proofs_created_at_idx" ON "proofs" USING btree ("created_at");
  CREATE UNIQUE INDEX "proofs_filename_idx" ON "proofs" USING btree ("filename");
  CREATE INDEX "proofs_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "proofs" USING btree ("sizes_thumbnail_filename");
  ALTER TABLE "submissions" ADD CONSTRAINT "submissions_proof_id_proofs_id_fk" FOREIGN KEY ("proof_id") REFERENCES "public"."proofs"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "submissions_proof_idx" ON "submissions" USING btree ("proof_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "proofs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "proofs" CASCADE;
  ALTER TABLE "submissions" DROP CONSTRAINT "submissions_proof_id_proofs_id_fk";
  
  DROP INDEX "submissions_proof_idx";
  ALTER TABLE "submissions" DROP COLUMN "proof_id";`)
}
