import type { Agenda, Job } from 'agenda'
import type { Payload } from 'payload'

import { readReward } from '../../collections/Rewards/operations/transition'
import { recordAudit } from '../../src/lib/audit'
import { query } from '../../src/lib/sql'
import { withTransaction } from '../../src/lib/transaction'
import { JOBS, type JobData } from '../names'

/**
 * Tells staff that a reward's automatic retries ran out: stamps `alertedAt` on the reward (the
 * admin lists rewards by it), writes `reward.alert` to the audit log and logs an error for the
 * operator's monitoring. Staff then fix the cause and press "Retry payout".
 */
export const alertPayout = async (payload: Payload, rewardId: number, reason: string) => {
  const row = await readReward({ payload }, rewardId)
  if (!row || row.status === 'issued' || row.status === 'reversed') return false
  await withTransaction(payload, async (req) => {
    await query({ payload, req }, 'UPDATE rewards SET alerted_at = now() WHERE id = $1', [rewardId])
    await recordAudit(req, {
      action: 'reward.alert',
      entity: 'rewards',
      entityId: rewardId,
      actor: { type: 'system' },
      organization: row.organization_id,
      data: { status: row.status, attempt: row.attempts, reason },
    })
  })
  payload.logger.error({ msg: 'payout needs an operator', rewardId, status: row.status, reason })
  return true
}

/** Registers `payout.alert`. */
export const defineAlertPayout = (agenda: Agenda, payload: Payload) => {
  agenda.define<JobData[typeof JOBS.alertPayout]>(
    JOBS.alertPayout,
    async (job: Job<JobData[typeof JOBS.alertPayout]>) => {
      await alertPayout(payload, job.attrs.data.rewardId, job.attrs.data.reason)
    },
    { concurrency: 2, lockLifetime: 60_000 },
  )
}
