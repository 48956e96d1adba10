import type { Agenda, Job } from 'agenda'
import type { Payload } from 'payload'

import { applyPayoutState } from '../../collections/Rewards/operations/applyPayoutState'
import { payoutKeyOf } from '../../collections/Rewards/operations/issueReward'
import { selectRewards, type RewardRow } from '../../collections/Rewards/operations/transition'
import type { PayoutProviders } from '../../providers/payouts'
import { query } from '../../src/lib/sql'
import { JOBS, type JobData } from '../names'
import { enqueue } from '../queue'

/** How long a reward may stay `issuing` before reconciliation looks it up (RECONCILE_AFTER_MS). */
export const reconcileAfterMs = (env: NodeJS.ProcessEnv = process.env) =>
  Number(env.RECONCILE_AFTER_MS) || 5 * 60_000

/** A `reserved` reward untouched this long lost its job (a crash between commit and enqueue). */
export const RESERVED_STUCK_MS = 2 * 60_000

/**
 * A paid reward can still be reversed by the channel. Its webhook normally says so; in case that
 * webhook is lost, rewards issued in the last RECONCILE_REVERSAL_HOURS (default 24) are looked
 * up again every RECONCILE_REVERSAL_EVERY_MS (default 6 hours).
 */
export const reversalWindow = (env: NodeJS.ProcessEnv = process.env) => ({
  hours: Number(env.RECONCILE_REVERSAL_HOURS) || 24,
  everyMs: Number(env.RECONCILE_REVERSAL_EVERY_MS) || 6 * 60 * 60_000,
})

/** What one reconciliation did. */
export type ReconcileResult = { checked: number; settled: number; requeued: number; errors: number }

/**
 * Settles rewards the normal path left behind, by asking the provider, never by sending blindly
 * (and catches a reversal whose webhook was lost, see `reversalWindow`):
 * - `issuing` for longer than `afterMs`: look the payout up (by reference, or by the provider's
 *   id) and apply what the provider says; only a payout the provider has never seen is queued
 *   for `reward.issue` again, with the same idempotency key;
 * - `reserved` for longer than two minutes: its job was lost, so it is queued again.
 */
export const reconcilePayouts = async (
  payload: Payload,
  providers: PayoutProviders,
  {
    now = Date.now(),
    afterMs = reconcileAfterMs(),
    rewardId,
    requeue = (row) =>
      enqueue(
        JOBS.issueReward,
        { rewardId: row.id, attempt: row.attempts },
        { uniqueBy: { 'data.rewardId': row.id, 'data.attempt': row.attempts } },
      ),
  }: {
    now?: number
    afterMs?: number
    rewardId?: number
    /** Hands a reward the provider never saw back to `reward.issue`. */
    requeue?: (row: RewardRow) => Promise<unknown>
  } = {},
): Promise<ReconcileResult> => {
  const reversals = reversalWindow()
  const lookupProviders = providers
    .all()
    .filter((p) => p.capabilities.lookup)
    .map((p) => p.name)
  const rows =
    rewardId !== undefined
      ? await selectRewards(
          { payload },
          `SELECT * FROM rewards WHERE id = $1 AND status IN ('issuing', 'reserved', 'issued')`,
          [rewardId],
        )
      : [
          // Unsettled first, on their own page, so re-checking paid rewards never delays them.
          ...(await selectRewards(
            { payload },
            `SELECT * FROM rewards
              WHERE (status = 'issuing' AND updated_at < $1) OR (status = 'reserved' AND updated_at < $2)
              ORDER BY updated_at LIMIT 200`,
            [new Date(now - afterMs), new Date(now - RESERVED_STUCK_MS)],
          )),
          // Paid in the reversal window, not checked this period, at a provider we can ask.
          ...(await selectRewards(
            { payload },
            `SELECT * FROM rewards
              WHERE status = 'issued' AND provider = ANY($1::text[])
                AND issued_at > $2 AND updated_at < $3
              ORDER BY updated_at LIMIT 200`,
            [
              lookupProviders,
              new Date(now - reversals.hours * 60 * 60_000),
              new Date(now - reversals.everyMs),
            ],
          )),
        ]
  const result: ReconcileResult = { checked: rows.length, settled: 0, requeued: 0, errors: 0 }
  for (const row of rows) {
    try {
      const provider = providers.get(row.provider ?? '')
      if (row.status === 'issued') {
        // Paid: only a reversal can still change it. Never re-sent, whatever the lookup says.
        if (!provider?.capabilities.lookup) continue
        const state = await provider.lookup({
          reference: payoutKeyOf(row),
          rewardId: row.id,
          providerRef: row.provider_ref,
        })
        if (state.status === 'reversed') {
          const after = await applyPayoutState(payload, row, state, { source: 'reconcile' })
          if (after && after.status !== row.status) result.settled++
        } else {
          // Checked: the next look at this reward is `everyMs` from now.
          await query(
            { payload },
            `UPDATE rewards SET updated_at = $3
              WHERE id = $1 AND status = 'issued' AND attempts = $2`,
            [row.id, row.attempts, new Date(now)],
          )
        }
        continue
      }
      const state =
        row.status === 'issuing' && provider?.capabilities.lookup
          ? await provider.lookup({
              reference: payoutKeyOf(row),
              rewardId: row.id,
              providerRef: row.provider_ref,
            })
          : { status: 'not-found' as const }
      if (state.status === 'not-found') {
        await requeue(row)
        result.requeued++
        continue
      }
      const after = await applyPayoutState(payload, row, state, { source: 'reconcile' })
      if (after && after.status !== row.status) result.settled++
    } catch (err) {
      result.errors++
      payload.logger.warn({ msg: 'reconcile could not check reward', rewardId: row.id, err })
    }
  }
  return result
}

/** Registers `payout.reconcile`, which cron also runs once per cluster every minute. */
export const defineReconcilePayouts = (
  agenda: Agenda,
  payload: Payload,
  providers: PayoutProviders,
) => {
  agenda.define<JobData[typeof JOBS.reconcilePayouts]>(
    JOBS.reconcilePayouts,
    async (job: Job<JobData[typeof JOBS.reconcilePayouts]>) => {
      const result = await reconcilePayouts(payload, providers, {
        rewardId: job.attrs.data?.rewardId,
        afterMs: job.attrs.data?.rewardId ? 0 : undefined,
      })
      if (result.checked) payload.logger.info({ msg: 'payout reconcile', ...result })
    },
    { concurrency: 1, lockLifetime: 5 * 60_000, removeOnComplete: true },
  )
}
