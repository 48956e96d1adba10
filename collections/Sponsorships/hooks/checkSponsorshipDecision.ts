import type { CollectionBeforeChangeHook } from 'payload'

import { asStaff } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'

/** The answers an invited organisation can give, from each state. */
const NEXT: Record<string, string[]> = {
  pending: ['accepted', 'declined'],
  accepted: ['left'],
  declined: [],
  left: [],
}

/**
 * An answer moves an invitation one step (pending → accepted or declined; accepted → left);
 * nothing else about it changes. The decision and who made it are stamped here.
 */
export const checkSponsorshipDecision: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  const from = originalDoc.status as string
  const to = (data.status ?? from) as string
  if (to === from) return { ...originalDoc, ...data, status: from }
  if (!NEXT[from]?.includes(to)) {
    throw new HttpError(`An invitation that is ${from} cannot become ${to}.`, 409)
  }
  const staff = asStaff(req.user)
  // Only the answer changes: what the invitation is about stays as it was.
  return {
    ...originalDoc,
    status: to,
    decidedBy: staff?.id ?? originalDoc.decidedBy,
    decidedAt: new Date().toISOString(),
  }
}
