import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { JOBS } from '../../../jobs/names'
import { enqueue } from '../../../jobs/queue'
import { onCommitted } from '../../../src/lib/beforeCommit'
import { idOf } from '../../../src/lib/ids'
import type { Submission } from '../../../src/payload-types'
import { decidesAutomatically } from '../operations/scoring/loadContext'

/**
 * A new submission waits `pending` for its score when its task lets scores decide; otherwise it
 * goes straight to `needs_review` (and is still scored, for the reviewer).
 */
export const awaitScore: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const taskId = idOf(data.task)
  if (!taskId) return data
  const task = await req.payload.findByID({
    collection: 'tasks',
    id: taskId,
    depth: 0,
    overrideAccess: true,
    req,
  })
  data.status = decidesAutomatically(task) ? 'pending' : 'needs_review'
  return data
}

/**
 * Queues the scoring job once the new submission has committed (so the job can see it). Bulk
 * imports may pass `context: { scoreLater: true }`: the sweep scores those within minutes.
 */
export const queueScoring: CollectionAfterChangeHook<Submission> = async ({
  doc,
  operation,
  req,
  context,
}) => {
  if (operation !== 'create' || context.scoreLater) return doc
  await onCommitted(req, () =>
    enqueue(
      JOBS.scoreSubmission,
      { submissionId: doc.id },
      { uniqueBy: { 'data.submissionId': doc.id } },
    ),
  )
  return doc
}
