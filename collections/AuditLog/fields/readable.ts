import type { Field, PayloadRequest } from 'payload'

import { residentHandle } from '../../../src/lib/residentHandle'

const ACTION_WORDS: Record<string, string> = {
  created: 'created',
  updated: 'changed',
  status: 'status changed',
  invited: 'invited',
  accepted: 'accepted',
  declined: 'declined',
  left: 'left',
}

const show = (value: unknown) =>
  value == null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value)

/** "task.status" with {from: 'draft', to: 'published'} → "Task 12: status changed, draft → published". */
export const describeChange = (doc: {
  action?: string
  entity?: string
  entityId?: string
  data?: unknown
}) => {
  const [, verb = doc.action ?? ''] = (doc.action ?? '').split('.')
  const entity = (doc.entity ?? '').replace(/-/g, ' ').replace(/s$/, '')
  const head = `${entity.charAt(0).toUpperCase()}${entity.slice(1)} ${doc.entityId ?? ''}: ${ACTION_WORDS[verb] ?? verb.replace(/_/g, ' ')}`
  const data = doc.data && typeof doc.data === 'object' ? (doc.data as Record<string, unknown>) : {}
  const { from, to, ...rest } = data
  const parts = []
  if (from !== undefined || to !== undefined) parts.push(`${show(from)} → ${show(to)}`)
  for (const [key, value] of Object.entries(rest).slice(0, 4)) parts.push(`${key} ${show(value)}`)
  return parts.length ? `${head}, ${parts.join('; ')}` : head
}

const actorName = async (req: PayloadRequest, type?: string, id?: string | null) => {
  if (type === 'system' || !id) return 'Bayanet (automatic)'
  if (type === 'resident') return `Resident ${residentHandle(id, req.payload.secret)}`
  // disableErrors: a thrown NotFound would roll back `req`'s transaction (Payload kills it on
  // any error in a nested operation), and with it the audit entry being written.
  const user = await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    select: { name: true, email: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return user ? `${user.name || user.email}` : `Staff #${id}`
}

/** Who acted, as a person reads it: a staff member's name, a resident's handle, or Bayanet. */
export const actorField: Field = {
  name: 'actor',
  type: 'text',
  virtual: true,
  admin: { readOnly: true },
  hooks: {
    afterRead: [({ data, req }) => actorName(req, data?.actorType, data?.actorId)],
  },
}

/** The change in words, beside the raw data. */
export const summaryField: Field = {
  name: 'summary',
  label: 'What happened',
  type: 'text',
  virtual: true,
  admin: { readOnly: true },
  hooks: { afterRead: [({ data }) => (data ? describeChange(data) : undefined)] },
}
