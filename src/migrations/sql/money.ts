import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * Constraints and tables for money (issue 7) that Payload's schema cannot express:
 * - one ledger entry of each kind per reward; one code per (pool, code); a fast free-code index;
 * - `sandbox_payouts`: the sandbox provider's own ledger, in the database so every process
 *   agrees (it counts every call it receives, so tests can see duplicates);
 * - `cron_runs`: one row per periodic job and slot, so each slot runs once per cluster;
 * - `reward_fence_rejections`: every stale write the reward fence refused, for counting.
 */
export const upMoney = async ({ db }: Pick<MigrateUpArgs, 'db'>) => {
  await db.execute(sql`
    CREATE UNIQUE INDEX IF NOT EXISTS payout_ledger_reward_entry_uniq
      ON payout_ledger (reward_id, entry);
    CREATE UNIQUE INDEX IF NOT EXISTS voucher_codes_pool_code_uniq ON voucher_codes (pool_id, code);
    CREATE INDEX IF NOT EXISTS voucher_codes_free_idx ON voucher_codes (pool_id, id)
      WHERE reward_id IS NULL;
    CREATE TABLE IF NOT EXISTS sandbox_payouts (
      idempotency_key text PRIMARY KEY,
      reference text NOT NULL,
      kind text NOT NULL,
      amount numeric NOT NULL,
      currency text NOT NULL,
      account text,
      provider_ref text NOT NULL UNIQUE,
      voucher_code text,
      calls integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX IF NOT EXISTS sandbox_payouts_reference_idx ON sandbox_payouts (reference);
    CREATE TABLE IF NOT EXISTS cron_runs (
      job text NOT NULL,
      slot text NOT NULL,
      pid text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      error text,
      PRIMARY KEY (job, slot)
    );
    CREATE TABLE IF NOT EXISTS reward_fence_rejections (
      id bigserial PRIMARY KEY,
      reward_id integer NOT NULL,
      expected_status text NOT NULL,
      expected_attempt integer NOT NULL,
      wanted_status text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    ALTER TABLE rewards ALTER COLUMN currency SET NOT NULL;
    -- Rewards reserved before this release: fix their payout key and account now.
    UPDATE rewards SET payout_key = idempotency_key WHERE payout_key IS NULL;
    UPDATE rewards r SET account = COALESCE(NULLIF(res.gcash_number, ''), res.phone)
      FROM residents res WHERE r.resident_id = res.id AND r.account IS NULL;
  `)
}

/** Undoes `upMoney`. */
export const downMoney = async ({ db }: Pick<MigrateDownArgs, 'db'>) => {
  await db.execute(sql`
    DROP TABLE IF EXISTS reward_fence_rejections;
    DROP TABLE IF EXISTS cron_runs;
    DROP TABLE IF EXISTS sandbox_payouts;
    DROP INDEX IF EXISTS voucher_codes_free_idx;
    DROP INDEX IF EXISTS voucher_codes_pool_code_uniq;
    DROP INDEX IF EXISTS payout_ledger_reward_entry_uniq;
  `)
}
