import type { Payload, PayloadRequest } from 'payload'

import { recordAudit, type Actor } from '../../../src/lib/audit'
import { query } from '../../../src/lib/sql'
import { withTransaction } from '../../../src/lib/transaction'
import { recordLedgerEntry } from '../../PayoutLedger/operations/recordLedgerEntry'
import { budgetOnTransition } from '../effects/budgetOnTransition'
import { canMoveReward, type RewardStatus } from '../transitions'

/** The row as the fence sees it (snake_case columns of `rewards`). */
export type RewardRow = {
  id: number
  status: RewardStatus
  attempts: number
  amount: string | number
  currency: string
  kind: 'gcash' | 'voucher'
  organization_id: number | null
  resident_id: number
  task_id: number
  submission_id: number
  idempotency_key: string
  payout_key: string | null
  provider: string | null
  provider_ref: string | null
  provider_status: string | null
  account: string | null
  account_name: string | null
  voucher_pool_id: number | null
  voucher_code: string | null
  last_error: string | null
  alerted_at: Date | null
  updated_at: Date
}

/**
 * What a transition expects to find: the status and attempt it read, and for a failed reward
 * whether it had been given up (its budget released), so a retry cannot race the give-up.
 */
export type Fence = { id: number; status: RewardStatus; attempts: number; givenUp?: boolean }

/** Columns a transition may set besides status and attempt. */
export type RewardChanges = Partial<{
  payoutKey: string
  provider: string
  providerRef: string | null
  providerStatus: string | null
  voucherCode: string | null
  lastError: string | null
  issuedAt: Date | null
  reversedAt: Date | null
  alertedAt: Date | null
}>

const COLUMNS: Record<keyof RewardChanges, string> = {
  payoutKey: 'payout_key',
  provider: 'provider',
  providerRef: 'provider_ref',
  providerStatus: 'provider_status',
  voucherCode: 'voucher_code',
  lastError: 'last_error',
  issuedAt: 'issued_at',
  reversedAt: 'reversed_at',
  alertedAt: 'alerted_at',
}

/** Thrown for a transition the state machine forbids (a bug, not a race). */
export class IllegalTransition extends Error {
  override name = 'IllegalTransition'
}

/** What happens right after a winning transition, inside its transaction. */
export type TransitionEffect = (
  req: PayloadRequest,
  row: RewardRow,
  from: RewardStatus,
) => Promise<void>

const effects: TransitionEffect[] = [recordLedgerEntry, budgetOnTransition]

/** Registers work done in the same transaction as every winning transition (ledger, budget). */
export const onRewardTransition = (effect: TransitionEffect) => {
  if (!effects.includes(effect)) effects.push(effect)
}

/** Payload stores numbers as `numeric`, which pg returns as strings: the fence needs numbers. */
export const asRewardRow = (row: RewardRow): RewardRow => ({
  ...row,
  attempts: Number(row.attempts),
})

/** Reads rewards as the fence sees them. */
export const selectRewards = async (
  target: { payload: Payload; req?: PayloadRequest },
  text: string,
  params: unknown[] = [],
) => (await query<RewardRow>(target, text, params)).map(asRewardRow)

/** Reads a reward's row as the fence sees it. */
export const readReward = async (
  target: { payload: Payload; req?: PayloadRequest },
  id: number,
): Promise<RewardRow | undefined> =>
  (await selectRewards(target, 'SELECT * FROM rewards WHERE id = $1', [id]))[0]

/** How many stale writes the fence has refused (optionally for one reward). */
export const countStaleWrites = async (payload: Payload, rewardId?: number) => {
  const rows = await query<{ n: string }>(
    { payload },
    rewardId === undefined
      ? 'SELECT count(*) AS n FROM reward_fence_rejections'
      : 'SELECT count(*) AS n FROM reward_fence_rejections WHERE reward_id = $1',
    rewardId === undefined ? [] : [rewardId],
  )
  return Number(rows[0]?.n ?? 0)
}

/**
 * Moves a reward from `fence` to `to` with ONE guarded statement,
 * `UPDATE rewards … WHERE id = $1 AND status = $2 AND attempts = $3`, so of two workers that
 * read the same state only one wins. `bump` starts a new attempt (claiming the payout). The
 * loser gets `undefined`, and its refused write is counted in `reward_fence_rejections`.
 * A winning transition is audited, and its effects (ledger entry, budget) written, in the
 * same transaction.
 */
export const transitionReward = async (
  payload: Payload,
  fence: Fence,
  to: RewardStatus,
  options: {
    bump?: boolean
    set?: RewardChanges
    actor?: Actor
    audit?: Record<string, unknown>
    req?: PayloadRequest
  } = {},
): Promise<RewardRow | undefined> => {
  if (!canMoveReward(fence.status, to)) {
    throw new IllegalTransition(`reward ${fence.id} cannot move from ${fence.status} to ${to}`)
  }
  const run = async (req: PayloadRequest) => {
    const params: unknown[] = [fence.id, fence.status, fence.attempts, to]
    const guards = ['id = $1', 'status = $2', 'attempts = $3']
    if (fence.givenUp !== undefined) {
      params.push(fence.givenUp)
      guards.push(`(alerted_at IS NOT NULL) = $${params.length}`)
    }
    const sets = ['status = $4', 'updated_at = now()']
    if (options.bump) sets.push('attempts = attempts + 1')
    for (const [key, value] of Object.entries(options.set ?? {})) {
      params.push(value)
      sets.push(`${COLUMNS[key as keyof RewardChanges]} = $${params.length}`)
    }
    const [row] = await selectRewards(
      { payload, req },
      `UPDATE rewards SET ${sets.join(', ')} WHERE ${guards.join(' AND ')} RETURNING *`,
      params,
    )
    if (!row) {
      await query(
        { payload, req },
        `INSERT INTO reward_fence_rejections
           (reward_id, expected_status, expected_attempt, wanted_status) VALUES ($1, $2, $3, $4)`,
        [fence.id, fence.status, fence.attempts, to],
      )
      return undefined
    }
    if (fence.status !== to || options.bump) {
      await recordAudit(req, {
        action: `reward.${to}`,
        entity: 'rewards',
        entityId: fence.id,
        actor: options.actor ?? { type: 'system' },
        organization: row.organization_id,
        data: { from: fence.status, to, attempt: row.attempts, ...options.audit },
      })
    }
    if (fence.status !== to) for (const effect of effects) await effect(req, row, fence.status)
    return row
  }
  return options.req ? run(options.req) : withTransaction(payload, run)
}

/** The fence of a row, for the next transition. */
export const fenceOf = (
  row: Pick<RewardRow, 'id' | 'status' | 'attempts'> & Partial<Pick<RewardRow, 'alerted_at'>>,
): Fence => ({
  id: row.id,
  status: row.status,
  attempts: row.attempts,
  ...(row.status === 'failed' && row.alerted_at !== undefined
    ? { givenUp: row.alerted_at !== null }
    : {}),
})
