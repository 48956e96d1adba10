import type { Agenda } from 'agenda'
import type { Payload } from 'payload'

import { issueReward } from '../../collections/Rewards/operations/issueReward'
import type { PayoutProvider } from '../../providers/payouts/types'
import { JOBS } from '../names'

/** Rewards untouched this long after approval are assumed to have lost their job. */
export const STUCK_AFTER_MS = 2 * 60_000
/** A reward left `issuing` this long had its worker die mid-payout. */
export const ISSUING_STALE_MS = 10 * 60_000
/** Failed payouts are retried by the sweep until they have had this many attempts. */
export const MAX_ATTEMPTS = 10

/**
 * Pays rewards whose `reward.issue` job was lost (a crash between commit and enqueue), whose
 * worker died mid-payout, or whose job gave up on a temporary failure. Safe beside the normal
 * job: the provider sees the same idempotency key, so nothing is paid twice.
 */
export const sweepRewards = async (
  payload: Payload,
  provider: PayoutProvider,
  now = Date.now(),
) => {
  const { docs } = await payload.find({
    collection: 'rewards',
    where: {
      or: [
        {
          status: { equals: 'reserved' },
          updatedAt: { less_than: new Date(now - STUCK_AFTER_MS).toISOString() },
        },
        {
          status: { equals: 'issuing' },
          updatedAt: { less_than: new Date(now - ISSUING_STALE_MS).toISOString() },
        },
        {
          status: { equals: 'failed' },
          attempts: { less_than: MAX_ATTEMPTS },
          updatedAt: { less_than: new Date(now - STUCK_AFTER_MS).toISOString() },
        },
      ],
    },
    sort: 'updatedAt',
    limit: 100,
    depth: 0,
    overrideAccess: true,
  })
  let settled = 0
  for (const reward of docs) {
    try {
      if ((await issueReward(payload, reward.id, provider)) === 'issued') settled++
    } catch (err) {
      payload.logger.warn({ msg: 'sweep could not pay reward', rewardId: reward.id, err })
    }
  }
  return { found: docs.length, settled }
}

/** Registers the sweep as a job, so cron in many processes still runs it once at a time. */
export const defineSweepRewards = (agenda: Agenda, payload: Payload, provider: PayoutProvider) => {
  agenda.define(
    JOBS.sweepRewards,
    async () => {
      const result = await sweepRewards(payload, provider)
      if (result.found) payload.logger.info({ msg: 'reward sweep', ...result })
    },
    { concurrency: 1, lockLifetime: 5 * 60_000, removeOnComplete: true },
  )
}
