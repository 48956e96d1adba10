import type { PayloadRequest } from 'payload'

import { asStaff, isAdminUser } from '../../../src/access/roles'
import { actorOf, recordAudit } from '../../../src/lib/audit'

/** Context flag: the change comes from an accepted or left invitation, so it needs no consent. */
export const SPONSORSHIP_SYNC = 'bayanetSponsorshipSync'

const PENDING = 'bayanetPendingInvitations'

type Pending = { organizations: number[]; invitedByOrganization?: number }

/** True when this change may name organisations directly: admins, and accepted invitations. */
export const skipsConsent = (req: PayloadRequest) =>
  Boolean(req.context[SPONSORSHIP_SYNC]) || isAdminUser(req.user) || !asStaff(req.user)

/**
 * Splits the organisations a change names into those it may keep (already there, or the
 * change's own) and those that must first accept an invitation; remembers the latter on the
 * request for `sendInvitations` once the task or campaign has an id.
 */
export const holdForConsent = (
  req: PayloadRequest,
  key: string,
  {
    requested,
    allowed,
    invitedByOrganization,
  }: { requested: number[]; allowed: number[]; invitedByOrganization?: number },
) => {
  const keep = requested.filter((id) => allowed.includes(id))
  const invite = requested.filter((id) => !allowed.includes(id))
  const pending = (req.context[PENDING] ??= {}) as Record<string, Pending>
  if (invite.length) pending[key] = { organizations: invite, invitedByOrganization }
  return keep
}

/** Creates a pending invitation for each organisation held back, unless one is already open. */
export const sendInvitations = async (
  req: PayloadRequest,
  key: string,
  target: { task?: number; campaign?: number; title: string },
) => {
  const pending = (req.context[PENDING] as Record<string, Pending> | undefined)?.[key]
  if (!pending) return
  delete (req.context[PENDING] as Record<string, Pending>)[key]
  const staff = asStaff(req.user)
  for (const organization of pending.organizations) {
    const open = await req.payload.count({
      collection: 'sponsorships',
      where: {
        and: [
          { organization: { equals: organization } },
          { status: { in: ['pending', 'accepted'] } },
          target.task
            ? { task: { equals: target.task } }
            : { campaign: { equals: target.campaign } },
        ],
      },
      overrideAccess: true,
      req,
    })
    if (open.totalDocs) continue
    const doc = await req.payload.create({
      collection: 'sponsorships',
      data: {
        organization,
        task: target.task,
        campaign: target.campaign,
        invitedByOrganization: pending.invitedByOrganization,
        invitedBy: staff?.id,
        status: 'pending',
        summary: `${target.task ? 'Co-sponsor the task' : 'Join the campaign'} “${target.title}”`,
      },
      overrideAccess: true,
      req,
    })
    await recordAudit(req, {
      action: 'sponsorship.invited',
      entity: 'sponsorships',
      entityId: doc.id,
      actor: actorOf(req),
      organization,
      data: { task: target.task, campaign: target.campaign },
    })
  }
}
