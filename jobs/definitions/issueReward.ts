import { type Agenda, backoffStrategies, type Job } from 'agenda'
import type { Payload } from 'payload'

import { issueReward, RewardNotFound } from '../../collections/Rewards/operations/issueReward'
import type { PayoutProvider } from '../../providers/payouts/types'
import { JOBS, type JobData } from '../names'

/**
 * Pays one reward. Retries with exponential backoff; a reward not found yet is usually an
 * approval whose transaction has not committed, so it is retried too.
 */
export const defineIssueReward = (agenda: Agenda, payload: Payload, provider: PayoutProvider) => {
  agenda.define<JobData[typeof JOBS.issueReward]>(
    JOBS.issueReward,
    async (job: Job<JobData[typeof JOBS.issueReward]>) => {
      const outcome = await issueReward(payload, job.attrs.data.rewardId, provider)
      payload.logger.info({ msg: 'reward job done', rewardId: job.attrs.data.rewardId, outcome })
    },
    {
      concurrency: 5,
      lockLifetime: 2 * 60_000,
      backoff: backoffStrategies.exponential({ delay: 1000, maxRetries: 8, factor: 2 }),
    },
  )
}

export { RewardNotFound }
