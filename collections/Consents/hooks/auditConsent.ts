import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, recordAudit } from '../../../src/lib/audit'
import { idOf } from '../../../src/lib/ids'
import type { Consent } from '../../../src/payload-types'

/**
 * Every consent given or withdrawn goes into the hash-chained audit log with who recorded it
 * and the resident it is about (by handle), in the same transaction as the ledger row.
 */
export const auditConsent: CollectionAfterChangeHook<Consent> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await recordAudit(req, {
    action: doc.granted ? 'consent.granted' : 'consent.withdrawn',
    entity: 'consents',
    entityId: doc.id,
    actor: actorOf(req),
    resident: idOf(doc.resident)!,
    data: { purpose: doc.purpose, noticeVersion: doc.noticeVersion },
  })
  return doc
}
