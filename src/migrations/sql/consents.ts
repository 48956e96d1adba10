import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * The consent ledger is append-only in the database too: whatever gets past the access rules
 * (a bug, a script, a console), an UPDATE or DELETE on `consents` fails.
 */
export const appendOnlyConsentsUp = async ({ db }: MigrateUpArgs) => {
  await db.execute(sql`
    CREATE OR REPLACE FUNCTION bayanet_consents_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'the consent ledger is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END
    $$ LANGUAGE plpgsql;
    CREATE TRIGGER consents_append_only BEFORE UPDATE OR DELETE ON consents
      FOR EACH ROW EXECUTE FUNCTION bayanet_consents_append_only();
  `)
}

export const appendOnlyConsentsDown = async ({ db }: MigrateDownArgs) => {
  await db.execute(sql`
    DROP TRIGGER IF EXISTS consents_append_only ON consents;
    DROP FUNCTION IF EXISTS bayanet_consents_append_only();
  `)
}
