import type { Agenda, Job } from 'agenda'
import type { Payload } from 'payload'

import { scoreAndRoute } from '../../collections/Submissions/operations/scoring/scoreAndRoute'
import { JOBS } from '../names'

/** Submissions still unscored this long after they were saved lost their job: the sweep scores them. */
export const UNSCORED_AFTER_MS = 60_000

/**
 * Scores what the `submission.score` job never reached (a crash between commit and enqueue, a
 * worker that died): every unscored submission older than a minute, oldest first.
 */
export const sweepUnscored = async (payload: Payload, now = Date.now()) => {
  const { docs } = await payload.find({
    collection: 'submissions',
    where: {
      scoreRoute: { exists: false },
      createdAt: { less_than: new Date(now - UNSCORED_AFTER_MS).toISOString() },
    },
    sort: 'createdAt',
    limit: 100,
    depth: 0,
    select: { createdAt: true },
    overrideAccess: true,
  })
  for (const { id } of docs) await scoreAndRoute(payload, id)
  return { found: docs.length }
}

/** Registers the job that scores a submission right after it is saved. */
export const defineScoreSubmission = (agenda: Agenda, payload: Payload) => {
  agenda.define(
    JOBS.scoreSubmission,
    async (job: Job<{ submissionId: number }>) => {
      const outcome = await scoreAndRoute(payload, job.attrs.data.submissionId)
      // Not visible yet cannot happen after commit; if it does, the sweep catches it up.
      if (outcome === 'not-found')
        payload.logger.warn({ msg: 'submission to score not found', ...job.attrs.data })
    },
    { concurrency: 4, lockLifetime: 2 * 60_000, removeOnComplete: true },
  )
}
