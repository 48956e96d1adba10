import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { actorOf, recordAudit } from '../../../src/lib/audit'
import { idOf } from '../../../src/lib/ids'
import type { Resident } from '../../../src/payload-types'
import { personalCollections, type Owner } from '../../../src/privacy/dataMap'
import { residentHandle } from '../../../src/lib/residentHandle'
import { consentState } from '../../Consents/operations/consentState'

type Doc = Record<string, unknown> & { id: number | string }

/** The audit entries about a resident, their submissions and rewards, or made by them. */
const auditWhere = (residentId: number, related: Record<string, (number | string)[]>): Where => ({
  or: [
    { and: [{ entity: { equals: 'residents' } }, { entityId: { equals: String(residentId) } }] },
    { and: [{ actorType: { equals: 'resident' } }, { actorId: { equals: String(residentId) } }] },
    ...Object.entries(related)
      .filter(([, ids]) => ids.length)
      .map(([entity, ids]): Where => ({
        and: [{ entity: { equals: entity } }, { entityId: { in: ids.map(String) } }],
      })),
  ],
})

/** Finds a resident's rows in one personal collection (trusted code: the caller checked who). */
export const findOwnedRows = async (
  req: PayloadRequest,
  slug: CollectionSlug,
  owner: Owner,
  resident: Resident,
  related: Record<string, (number | string)[]> = {},
): Promise<Doc[]> => {
  let where: Where
  if (owner.by === 'self') where = { id: { equals: resident.id } }
  else if (owner.by === 'relationship') where = { [owner.field]: { equals: resident.id } }
  else if (owner.by === 'via') where = { [owner.field]: { in: related[owner.collection] ?? [] } }
  else if (owner.by === 'phone') {
    const phones = [resident.phone, resident.gcashNumber, resident.pendingGcashNumber].filter(
      (p): p is string => Boolean(p),
    )
    where = { [owner.field]: { in: phones } }
  } else where = auditWhere(resident.id, related)
  const { docs } = await req.payload.find({
    collection: slug,
    where,
    limit: 0,
    depth: 0,
    sort: 'createdAt',
    overrideAccess: true,
    req,
  })
  return docs as unknown as Doc[]
}

/** One-time codes never leave in an export, even expired ones inside old SMS bodies. */
const maskCodes = (doc: Doc) =>
  typeof doc.body === 'string' ? { ...doc, body: doc.body.replace(/\b\d{6}\b/g, '••••••') } : doc

/**
 * Everything Bayanet holds about a resident, as one JSON document (the right to access and
 * to data portability). Every personal collection in `DATA_MAP` is included whole, less its
 * declared secrets. The export is audited, without its content.
 */
export const exportResident = async (req: PayloadRequest, residentId: number) => {
  const resident = (await req.payload.findByID({
    collection: 'residents',
    id: residentId,
    depth: 0,
    overrideAccess: true,
    req,
  })) as Resident
  const data: Record<string, Doc[]> = {}
  const related: Record<string, (number | string)[]> = {}
  // Rows found through other rows come after them; audit entries, found through all, last.
  const stage = (owner: Owner) => (owner.by === 'audit' ? 2 : owner.by === 'via' ? 1 : 0)
  const collections = personalCollections().sort(([, a], [, b]) => stage(a.owner) - stage(b.owner))
  for (const [slug, entry] of collections) {
    const rows = await findOwnedRows(req, slug, entry.owner, resident, related)
    related[slug] = rows.map((row) => row.id)
    data[slug] = rows.map((row) => {
      const copy: Doc = { ...row }
      for (const field of Object.keys(entry.withheld ?? {})) delete copy[field]
      return slug === 'sms-outbox' ? maskCodes(copy) : copy
    })
  }
  const taskIds = [...new Set((data.submissions ?? []).map((s) => idOf(s.task)))].filter(
    (id): id is number => id !== undefined,
  )
  const { docs: tasks } = await req.payload.find({
    collection: 'tasks',
    where: { id: { in: taskIds } },
    limit: 0,
    depth: 0,
    select: { title: true, organization: true },
    overrideAccess: true,
    req,
  })
  const counts = Object.fromEntries(Object.entries(data).map(([slug, rows]) => [slug, rows.length]))
  await recordAudit(req, {
    action: 'resident.exported',
    entity: 'residents',
    entityId: residentId,
    actor: actorOf(req),
    data: { resident: residentHandle(residentId, req.payload.secret), counts },
  })
  return {
    format: 'bayanet-export/1',
    exportedAt: new Date().toISOString(),
    handle: residentHandle(residentId, req.payload.secret),
    profile: data.residents?.[0] ?? null,
    consents: await consentState(req, residentId),
    collections: data,
    /** The tasks the submissions answer, for reading the export without Bayanet. */
    tasks: tasks.map((task) => ({ id: task.id, title: task.title })),
    withheld: Object.fromEntries(
      collections
        .filter(([, entry]) => entry.withheld)
        .map(([slug, entry]) => [slug, entry.withheld]),
    ),
  }
}
