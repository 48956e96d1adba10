import type { CollectionAfterChangeHook } from 'payload'

import type { Task } from '../../../src/payload-types'
import { refreshTaskCapacity } from '../operations/capacity'

/** A new budget, cap or reward amount may open or close the task for new submissions. */
export const refreshCapacityOnEdit: CollectionAfterChangeHook<Task> = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (context.budgetOnly) return doc
  const changed =
    operation === 'create' ||
    doc.budget !== previousDoc?.budget ||
    doc.caps?.total !== previousDoc?.caps?.total ||
    doc.reward?.amount !== previousDoc?.reward?.amount
  if (changed) await refreshTaskCapacity(req, doc.id)
  return doc
}
