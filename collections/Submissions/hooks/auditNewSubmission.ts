import type { CollectionAfterChangeHook } from 'payload'

import { auditStatusChange } from '../../../src/lib/audit'
import { idOf } from '../../../src/lib/ids'
import type { Submission } from '../../../src/payload-types'
import { refreshTaskCapacity } from '../../Tasks/operations/capacity'

/**
 * A new submission goes into the audit log and counts against its task's places and budget
 * (in the same transaction); decisions are audited by `reviewSubmission`.
 */
export const auditNewSubmission: CollectionAfterChangeHook<Submission> = async ({
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create') return doc
  // Task row before the audit log, the order every writer follows.
  await refreshTaskCapacity(req, idOf(doc.task)!)
  await auditStatusChange(req, {
    prefix: 'submission',
    entity: 'submissions',
    operation,
    doc,
  })
  return doc
}
