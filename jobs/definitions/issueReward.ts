import { type Agenda, backoffStrategies, type Job } from 'agenda'
import type { Payload } from 'payload'

import {
  isRetryable,
  issueReward,
  waitsForCodes,
} from '../../collections/Rewards/operations/issueReward'
import { readReward } from '../../collections/Rewards/operations/transition'
import type { PayoutProviders } from '../../providers/payouts'
import { JOBS, type JobData } from '../names'
import { enqueue } from '../queue'

/** How the `reward.issue` job runs; tests shorten the lock to force overlapping runs. */
export type IssueRewardOptions = {
  /** Jobs one worker runs at once. */
  concurrency: number
  /** After this long without a touch, another worker may take the job over. */
  lockLifetime: number
  /** Touch the lock during slow provider calls (off only to test the fence). */
  touch: boolean
  /** Retries of retryable errors, with exponential backoff and jitter. */
  maxRetries: number
}

/** Defaults, overridable by REWARD_ISSUE_* in the environment (see README). */
export const issueRewardOptions = (env: NodeJS.ProcessEnv = process.env): IssueRewardOptions => ({
  concurrency: Number(env.REWARD_ISSUE_CONCURRENCY) || 5,
  lockLifetime: Number(env.REWARD_ISSUE_LOCK_MS) || 2 * 60_000,
  touch: env.REWARD_ISSUE_TOUCH !== 'off',
  maxRetries: Number(env.REWARD_ISSUE_MAX_RETRIES) || 8,
})

/**
 * Pays one reward (see `issueReward`). Retries only errors marked retryable, with exponential
 * backoff and jitter; when retries run out, or the error is not retryable, `payout.alert`
 * tells staff. While a provider call is slow, the job's lock is touched so no other worker
 * takes it over; if one does anyway, the reward's fence refuses the slower worker's write.
 */
export const defineIssueReward = (
  agenda: Agenda,
  payload: Payload,
  providers: PayoutProviders,
  options: IssueRewardOptions = issueRewardOptions(),
) => {
  const exponential = backoffStrategies.exponential({
    delay: 1000,
    factor: 2,
    maxDelay: 10 * 60_000,
    maxRetries: options.maxRetries,
    jitter: 0.2,
  })
  agenda.define<JobData[typeof JOBS.issueReward]>(
    JOBS.issueReward,
    async (job: Job<JobData[typeof JOBS.issueReward]>) => {
      const { rewardId } = job.attrs.data
      const touch = options.touch ? () => job.touch() : undefined
      const keepAlive = touch
        ? setInterval(() => void touch().catch(() => {}), Math.max(500, options.lockLifetime / 3))
        : undefined
      try {
        const outcome = await issueReward(payload, rewardId, providers, { touch })
        payload.logger.info({ msg: 'reward job done', rewardId, outcome, pid: process.pid })
        if (outcome === 'failed') {
          // A definite refusal: no retry will help until someone acts, so the reward is given
          // up and its budget released (pool-empty rewards wait for codes instead, keeping
          // their budget; the pool's low-stock warning covers them).
          const row = await readReward({ payload }, rewardId)
          if (row && !waitsForCodes(row)) {
            await enqueue(JOBS.alertPayout, {
              rewardId,
              reason: row.last_error ?? 'failed',
              attempt: row.attempts,
            })
          }
        }
      } finally {
        if (keepAlive) clearInterval(keepAlive)
      }
    },
    {
      concurrency: options.concurrency,
      lockLifetime: options.lockLifetime,
      backoff: (context) => (isRetryable(context.error) ? exponential(context) : null),
    },
  )
  agenda.on(`retry exhausted:${JOBS.issueReward}`, (err: Error, job: Job) => {
    const { rewardId } = job.attrs.data as JobData[typeof JOBS.issueReward]
    // The alert names the attempt the retries ran out on, so a staff retry since makes it stale.
    void readReward({ payload }, rewardId)
      .then((row) =>
        enqueue(JOBS.alertPayout, {
          rewardId,
          reason: err.message.slice(0, 500),
          attempt: row?.attempts,
        }),
      )
      .catch((error) =>
        payload.logger.error({ msg: 'could not queue a payout alert', rewardId, error }),
      )
  })
}
