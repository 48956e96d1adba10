import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, recordAudit } from '../../../src/lib/audit'
import { idOf } from '../../../src/lib/ids'
import type { Task } from '../../../src/payload-types'

/** Creating a task and changing its status (draft, published, closed) go into the audit log. */
export const auditTaskStatus: CollectionAfterChangeHook<Task> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const from = operation === 'create' ? null : previousDoc?.status
  if (from === doc.status) return doc
  await recordAudit(req, {
    action: operation === 'create' ? 'task.created' : `task.${doc.status}`,
    entity: 'tasks',
    entityId: doc.id,
    actor: actorOf(req),
    organization: idOf(doc.organization),
    data: { from, to: doc.status, title: doc.title },
  })
  return doc
}
