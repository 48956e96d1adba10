import { randomBytes, randomInt } from 'node:crypto'
import pg from 'pg'

import type { PayoutProvider } from '../../providers/payouts/types'
import type { PayoutProviders } from '../../providers/payouts'

/** What a reward fixture is made of. */
export type RewardSpec = {
  count?: number
  kind?: 'gcash' | 'voucher'
  amount?: number
  provider?: string
  status?: 'reserved' | 'issuing' | 'issued' | 'failed'
  voucherPool?: number
  organization?: number
  providerRef?: string
}

const queryable = (db: pg.Pool | pg.Client) => db

/**
 * Inserts reserved rewards straight into a database (any database, so the cluster spec can use
 * its own), each with its own submission, one organisation, task and resident. Arranging only:
 * what happens to the rewards afterwards is what the specs test.
 */
export const insertRewards = async (db: pg.Pool | pg.Client, spec: RewardSpec = {}) => {
  const q = queryable(db)
  const { count = 1, kind = 'gcash', amount = 25, provider = 'sandbox', status = 'reserved' } = spec
  const tag = randomBytes(4).toString('hex')
  const org =
    spec.organization ??
    (
      await q.query(`INSERT INTO organizations (name, kind) VALUES ($1, 'lgu') RETURNING id`, [
        `Org ${tag}`,
      ])
    ).rows[0].id
  const task = (
    await q.query(
      `INSERT INTO tasks (title, organization_id, status, reward_kind, reward_amount, reward_voucher_pool_id)
       VALUES ($1, $2, 'published', $3::enum_tasks_reward_kind, $4, $5) RETURNING id`,
      [`Task ${tag}`, org, kind, amount, spec.voucherPool ?? null],
    )
  ).rows[0].id
  const phone = `+639${String(randomInt(0, 1e9)).padStart(9, '0')}`
  const resident = (
    await q.query(
      `INSERT INTO residents (phone, name) VALUES ($1, 'Juan Dela Cruz') RETURNING id`,
      [phone],
    )
  ).rows[0].id
  const submissions = (
    await q.query(
      `INSERT INTO submissions (task_id, resident_id, organization_id, answers, status)
       SELECT $1, $2, $3, '{}'::jsonb, 'approved' FROM generate_series(1, $4) RETURNING id`,
      [task, resident, org, count],
    )
  ).rows.map((r) => r.id as number)
  const rows = (
    await q.query(
      `INSERT INTO rewards (submission_id, resident_id, task_id, organization_id, kind, amount,
         currency, status, idempotency_key, payout_key, provider, provider_ref, account,
         account_name, voucher_pool_id, attempts)
       SELECT s, $2, $3, $4, $5::enum_rewards_kind, $6, 'PHP', $7::enum_rewards_status, 'bayanet-reward-' || s, 'bayanet-reward-' || s, $8,
              $9, $10, 'Juan Dela Cruz', $11, CASE WHEN $7::text = 'reserved' THEN 0 ELSE 1 END
         FROM unnest($1::int[]) AS s
       RETURNING id, idempotency_key`,
      [
        submissions,
        resident,
        task,
        org,
        kind,
        amount,
        status,
        provider,
        spec.providerRef ?? null,
        phone,
        spec.voucherPool ?? null,
      ],
    )
  ).rows as { id: number; idempotency_key: string }[]
  return {
    organization: org as number,
    task: task as number,
    resident: resident as number,
    phone,
    rewards: rows,
  }
}

/** A `PayoutProviders` made of the given adapters, for calling operations in-process. */
export const providersOf = (...list: PayoutProvider[]): PayoutProviders => {
  const byName = new Map(list.map((p) => [p.name, p]))
  return { get: (name) => byName.get(name), all: () => list }
}

/** Counts audit entries of `action` for one reward. */
export const auditCount = async (db: pg.Pool, rewardId: number, action: string) =>
  Number(
    (
      await db.query(
        `SELECT count(*) AS n FROM audit_log WHERE entity = 'rewards' AND entity_id = $1 AND action = $2`,
        [String(rewardId), action],
      )
    ).rows[0].n,
  )

/** The ledger entries of one reward. */
export const ledgerOf = async (db: pg.Pool, rewardId: number) =>
  (
    await db.query(
      `SELECT entry, amount::float AS amount FROM payout_ledger WHERE reward_id = $1 ORDER BY id`,
      [rewardId],
    )
  ).rows as { entry: string; amount: number }[]
