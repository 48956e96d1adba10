import type { CollectionBeforeChangeHook } from 'payload'

import type { Submission } from '../../../src/payload-types'
import { reviewSubmission } from '../operations/reviewSubmission'

/**
 * A status change made through Payload's own update (REST `PATCH /api/submissions/:id`,
 * GraphQL `updateSubmission`, the admin's edit form, the Local API) is handed to
 * `reviewSubmission`, inside the same transaction, so every path obeys one guarded decision.
 * The decided values are copied into `data` so Payload's own write keeps them.
 */
export const guardReview: CollectionBeforeChangeHook<Submission> = async ({
  data,
  operation,
  originalDoc,
  req,
  context,
}) => {
  if (operation !== 'update' || !originalDoc || context.decisionWrite) return data
  // Without a decision nothing about it changes: the guard trigger keeps the decided columns.
  if (data.status === undefined || data.status === null) return data
  const decided = await reviewSubmission(req, originalDoc.id, data.status, data.reviewNote)
  // Payload writes back every column it read before the decision; give it the decided row.
  for (const [key, value] of Object.entries(decided)) {
    if (key !== 'id' && key !== 'createdAt') (data as Record<string, unknown>)[key] = value
  }
  return data
}
