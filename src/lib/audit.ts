import type { PayloadRequest } from 'payload'

import type { ACTOR_TYPES } from '../../collections/AuditLog'
import { lockForTransaction } from './advisoryLock'
import { beforeCommit } from './beforeCommit'
import { contentOf, entryHash, GENESIS_HASH } from './auditChain'
import { idOf } from './ids'
import { residentHandle } from './residentHandle'
import { inRequestTransaction } from './transaction'

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
  /**
   * The resident the entry is about (a consent, an export, an erasure), whoever acted. Stored
   * as `data.resident`, their handle (src/lib/residentHandle.ts): staff reading the log can
   * tell residents apart, and an erased resident stays unnamed in the log nobody can rewrite.
   */
  resident?: number | string
}

/** The actor behind a request. */
export const actorOf = (req: PayloadRequest): Actor => {
  const user = req.user
  if (!user) return { type: 'system' }
  return { type: user.collection === 'users' ? 'staff' : 'resident', id: user.id }
}

/** The advisory-lock key every audit write takes, so the chain has exactly one head. */
export const AUDIT_CHAIN_LOCK = 'audit-log:chain'

type Pending = { entry: AuditEntry; createdAt: string }
/** Entries waiting for their request's transaction to commit. */
const batches = new WeakMap<PayloadRequest, { id: string | number; items: Pending[] }>()

/**
 * Appends to the hash-chained audit log in the caller's transaction (pass the same `req`).
 * Entries are linked when that transaction commits: its last statements take the chain's lock,
 * read the head, and insert each entry with the next `seq` and the previous hash. Taking the
 * lock last keeps it out of deadlocks with the rows the transaction touched; the unique `seq`
 * refuses a fork even where no lock can be taken. Without a transaction, writes one now.
 */
export const recordAudit = async (req: PayloadRequest, entry: AuditEntry) => {
  if (entry.actor.type !== 'system' && entry.actor.id == null) {
    throw new Error(`audit "${entry.action}": a ${entry.actor.type} actor needs an id`)
  }
  if (entry.resident != null) {
    const { resident, ...rest } = entry
    entry = {
      ...rest,
      data: { ...rest.data, resident: residentHandle(resident, req.payload.secret) },
    }
  }
  const item = { entry, createdAt: new Date().toISOString() }
  const id = req.transactionID ? await req.transactionID : undefined
  if (id != null) {
    const batch = batches.get(req)
    if (batch?.id === id) return void batch.items.push(item)
    const items = [item]
    if (await beforeCommit(req, () => appendToChain(req, items))) {
      return void batches.set(req, { id, items })
    }
  }
  await inRequestTransaction(req, () => appendToChain(req, [item]))
}

/** Links `items` onto the chain's head, in order, under the chain's lock. */
const appendToChain = async (req: PayloadRequest, items: Pending[]) => {
  await lockForTransaction(req, AUDIT_CHAIN_LOCK)
  const { docs } = await req.payload.find({
    collection: 'audit-log',
    sort: '-seq',
    limit: 1,
    depth: 0,
    pagination: false,
    select: { seq: true, hash: true },
    overrideAccess: true,
    req,
  })
  let seq = docs[0]?.seq ?? 0
  let prevHash = docs[0]?.hash ?? GENESIS_HASH
  for (const { entry, createdAt } of items) {
    const content = contentOf({
      seq: ++seq,
      prevHash,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      actorType: entry.actor.type,
      actorId: entry.actor.id == null ? null : String(entry.actor.id),
      organization: entry.organization ?? null,
      // Through JSON once, as the database will store it (no undefined, no Dates).
      data: JSON.parse(JSON.stringify(entry.data ?? {})),
      createdAt,
    })
    const hash = entryHash(content)
    await req.payload.create({
      collection: 'audit-log',
      data: {
        ...content,
        actorType: content.actorType as Actor['type'],
        actorId: content.actorId ?? undefined,
        organization: content.organization ?? undefined,
        data: content.data as Record<string, unknown>,
        hash,
      },
      overrideAccess: true,
      req,
    })
    prevHash = hash
  }
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
