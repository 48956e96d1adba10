import type { CollectionBeforeDeleteHook } from 'payload'

import { HttpError } from '../../../src/lib/errors'

/** Submissions and rewards point at their task: a task with any is closed, never deleted. */
export const refuseDeleteWithSubmissions: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'submissions',
    where: { task: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw new HttpError(
      `This task has ${totalDocs} submission${totalDocs === 1 ? '' : 's'}: close it instead (set its status to "closed").`,
      409,
    )
  }
}
