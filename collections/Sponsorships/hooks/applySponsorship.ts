import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, recordAudit } from '../../../src/lib/audit'
import { idOf, idsOf } from '../../../src/lib/ids'
import { SPONSORSHIP_SYNC } from '../operations/invitations'

/**
 * An accepted invitation puts the organisation on the task's sponsors or the campaign's
 * organisations; leaving takes it off again. Runs inside the answer's transaction.
 */
export const applySponsorship: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || doc.status === previousDoc?.status) return doc
  const org = idOf(doc.organization)!
  const join = doc.status === 'accepted'
  const leave = doc.status === 'left'
  const context = { [SPONSORSHIP_SYNC]: true }
  const change = (ids: number[]) =>
    join ? [...new Set([...ids, org])] : ids.filter((id) => id !== org)
  if ((join || leave) && doc.task) {
    const task = await req.payload.findByID({
      collection: 'tasks',
      id: idOf(doc.task)!,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await req.payload.update({
      collection: 'tasks',
      id: task.id,
      data: { sponsors: change(idsOf(task.sponsors)) },
      overrideAccess: true,
      context,
      req,
    })
  }
  if ((join || leave) && doc.campaign) {
    const campaign = await req.payload.findByID({
      collection: 'campaigns',
      id: idOf(doc.campaign)!,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await req.payload.update({
      collection: 'campaigns',
      id: campaign.id,
      data: { organizations: change(idsOf(campaign.organizations)) },
      overrideAccess: true,
      context,
      req,
    })
  }
  await recordAudit(req, {
    action: `sponsorship.${doc.status}`,
    entity: 'sponsorships',
    entityId: doc.id,
    actor: actorOf(req),
    organization: org,
    data: {
      from: previousDoc?.status,
      to: doc.status,
      task: idOf(doc.task),
      campaign: idOf(doc.campaign),
    },
  })
  return doc
}
