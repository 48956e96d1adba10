import type { CollectionAfterChangeHook } from 'payload'

import { auditStatusChange } from '../../../src/lib/audit'
import type { Task } from '../../../src/payload-types'

/** Creating a task and changing its status (draft, published, closed) go into the audit log. */
export const auditTaskStatus: CollectionAfterChangeHook<Task> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  await auditStatusChange(req, {
    prefix: 'task',
    entity: 'tasks',
    operation,
    doc,
    previousStatus: previousDoc?.status,
    data: { title: doc.title },
  })
  return doc
}
