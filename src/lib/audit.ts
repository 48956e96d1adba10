import type { PayloadRequest } from 'payload'

import type { ACTOR_TYPES } from '../../collections/AuditLog'
import { idOf } from './ids'

/** Who acted. Staff and residents by id; jobs as `system`. */
export type Actor = { type: (typeof ACTOR_TYPES)[number]; id?: number | string }

/** One audit entry; `data` must hold no full phone numbers, codes or photos. */
export type AuditEntry = {
  action: string
  entity: string
  entityId: number | string
  actor: Actor
  organization?: number | null
  data?: Record<string, unknown>
}

/** The actor behind a request. */
export const actorOf = (req: PayloadRequest): Actor => {
  const user = req.user
  if (!user) return { type: 'system' }
  return { type: user.collection === 'users' ? 'staff' : 'resident', id: user.id }
}

/** Appends to the audit log inside the caller's transaction (pass the same `req`). */
export const recordAudit = async (req: PayloadRequest, entry: AuditEntry) => {
  await req.payload.create({
    collection: 'audit-log',
    data: {
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      actorType: entry.actor.type,
      actorId: entry.actor.id == null ? undefined : String(entry.actor.id),
      organization: entry.organization ?? undefined,
      data: entry.data ?? {},
    },
    overrideAccess: true,
    req,
  })
}

/** A document whose `status` the audit log follows. */
type StatusDoc = { id: number; status: string; organization?: unknown }

/**
 * Audits a document's creation, or a change of its status, as `<prefix>.created` or
 * `<prefix>.<new status>`. Returns false (and writes nothing) when the status did not change.
 */
export const auditStatusChange = async (
  req: PayloadRequest,
  {
    prefix,
    entity,
    operation,
    doc,
    previousStatus,
    data = {},
  }: {
    prefix: string
    entity: string
    operation: 'create' | 'update'
    doc: StatusDoc
    previousStatus?: string | null
    data?: Record<string, unknown>
  },
) => {
  const from = operation === 'create' ? null : previousStatus
  if (from === doc.status) return false
  await recordAudit(req, {
    action: operation === 'create' ? `${prefix}.created` : `${prefix}.${doc.status}`,
    entity,
    entityId: doc.id,
    actor: actorOf(req),
    organization: idOf(doc.organization),
    data: { from, to: doc.status, ...data },
  })
  return true
}
