import type { CollectionAfterChangeHook } from 'payload'

import { asStaff } from '../../../src/access/roles'
import { actorOf, recordAudit } from '../../../src/lib/audit'

/** Fields whose change by staff is not worth an audit entry (Payload's own bookkeeping). */
const BOOKKEEPING = new Set(['updatedAt', 'createdAt', 'sessions', 'loginAttempts', 'lockUntil'])

/**
 * A correction staff make to a resident's profile, on the resident's request, is audited:
 * who changed which fields. The values stay out of the audit log, which keeps no PII.
 */
export const auditStaffCorrection: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !asStaff(req.user)) return doc
  const fields = Object.keys(doc).filter(
    (key) =>
      !BOOKKEEPING.has(key) && JSON.stringify(doc[key]) !== JSON.stringify(previousDoc?.[key]),
  )
  if (!fields.length) return doc
  await recordAudit(req, {
    action: 'resident.corrected',
    entity: 'residents',
    entityId: doc.id,
    actor: actorOf(req),
    data: { fields },
  })
  return doc
}
