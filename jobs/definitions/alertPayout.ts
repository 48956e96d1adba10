import type { Agenda, Job } from 'agenda'
import type { Payload } from 'payload'

import { giveUpReward } from '../../collections/Rewards/operations/giveUpReward'
import { readReward } from '../../collections/Rewards/operations/transition'
import { SETTLED_STATUSES } from '../../collections/Rewards/transitions'
import { recordAudit } from '../../src/lib/audit'
import { query } from '../../src/lib/sql'
import { withTransaction } from '../../src/lib/transaction'
import { JOBS, type JobData } from '../names'

/**
 * Tells staff that a reward's automatic retries ran out (or its failure cannot be retried):
 * stamps `alertedAt` on the reward (the admin lists rewards by it), writes `reward.alert` to the
 * audit log and logs an error for the operator's monitoring. A failed reward is given up: its
 * budget goes back to the task in the same guarded transaction (`giveUpReward`). One still
 * `issuing` (its outcome unknown) keeps its budget until the provider answers; if that answer
 * is a failure, the transition releases it. Staff then fix the cause and press "Retry payout".
 * `attempt`: the attempt the alert is about; when a staff retry has started a newer one since,
 * the alert is stale and does nothing.
 */
export const alertPayout = async (
  payload: Payload,
  rewardId: number,
  reason: string,
  attempt?: number,
) => {
  const row = await readReward({ payload }, rewardId)
  if (!row || SETTLED_STATUSES.includes(row.status)) return false
  if (attempt !== undefined && row.attempts !== attempt) return false
  if (row.status === 'failed') {
    if (!(await giveUpReward(payload, row, reason))) return false
  } else {
    const stamped = await withTransaction(payload, async (req) => {
      const done = await query(
        { payload, req },
        `UPDATE rewards SET alerted_at = now()
          WHERE id = $1 AND status = $2 AND attempts = $3 RETURNING id`,
        [rewardId, row.status, row.attempts],
      )
      if (!done.length) return false
      await recordAudit(req, {
        action: 'reward.alert',
        entity: 'rewards',
        entityId: rewardId,
        actor: { type: 'system' },
        organization: row.organization_id,
        data: { status: row.status, attempt: row.attempts, reason },
      })
      return true
    })
    if (!stamped) return false
  }
  payload.logger.error({ msg: 'payout needs an operator', rewardId, status: row.status, reason })
  return true
}

/** Registers `payout.alert`. */
export const defineAlertPayout = (agenda: Agenda, payload: Payload) => {
  agenda.define<JobData[typeof JOBS.alertPayout]>(
    JOBS.alertPayout,
    async (job: Job<JobData[typeof JOBS.alertPayout]>) => {
      const { rewardId, reason, attempt } = job.attrs.data
      await alertPayout(payload, rewardId, reason, attempt)
    },
    { concurrency: 2, lockLifetime: 60_000 },
  )
}
