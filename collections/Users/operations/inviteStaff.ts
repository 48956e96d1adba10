import type { PayloadRequest } from 'payload'

import { asStaff, hasRole, isAdminUser, organizationIds } from '../../../src/access/roles'
import { actorOf, recordAudit } from '../../../src/lib/audit'
import { HttpError } from '../../../src/lib/errors'
import { idsOf } from '../../../src/lib/ids'
import { emailConfigured } from '../../../providers/email'

/** How long an invitation link works. */
export const INVITE_DAYS = 7

/** The admin's address as the person asking sees it, for links. */
export const adminOrigin = (req: PayloadRequest) => {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, '')
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? 'localhost:3000'
  const proto = req.headers.get('x-forwarded-proto') ?? 'http'
  return `${proto}://${host}`
}

/**
 * Invites a staff member to set their password: by email when SMTP is configured, otherwise
 * by a link returned for the manager to pass on. Admins invite anyone; organisation managers
 * invite people in their own organisations who are not admins.
 */
export const inviteStaff = async (req: PayloadRequest, userId: number) => {
  const actor = asStaff(req.user)
  if (!actor || !(isAdminUser(actor) || hasRole(actor, ['org-manager']))) {
    throw new HttpError('Only admins and organisation managers can invite staff.', 403)
  }
  const target = await req.payload
    .findByID({
      collection: 'users',
      id: userId,
      depth: 0,
      overrideAccess: false,
      user: actor,
      req,
      // A miss must not end the request's transaction (a thrown NotFound does).
      disableErrors: true,
    })
    .catch(() => undefined)
  if (!target) throw new HttpError(`No staff member ${userId} in your organisations.`, 404)
  if (!isAdminUser(actor)) {
    const shared = idsOf(target.organizations).some((id) => organizationIds(actor).includes(id))
    if (target.roles?.includes('admin') || !shared) {
      throw new HttpError('You can invite people in your own organisations only.', 403)
    }
  }
  const sendEmail = emailConfigured()
  req.context.bayanetInvite = true
  const token = await req.payload.forgotPassword({
    collection: 'users',
    data: { email: target.email },
    disableEmail: !sendEmail,
    expiration: INVITE_DAYS * 24 * 60 * 60 * 1000,
    req,
  })
  await recordAudit(req, {
    action: 'staff.invited',
    entity: 'users',
    entityId: target.id,
    actor: actorOf(req),
    data: { by: sendEmail ? 'email' : 'link' },
  })
  return sendEmail
    ? { email: target.email, sent: true as const }
    : { email: target.email, sent: false as const, url: `${adminOrigin(req)}/admin/reset/${token}` }
}

/** What a manager fills in to add someone to the team. */
export type NewStaff = {
  email: string
  name?: string
  role: 'reviewer' | 'org-manager'
  organization?: number
}

/**
 * Adds a staff member (with a random password nobody knows) and invites them to choose their
 * own. The create runs with the manager's access, so guardTeam keeps it to their organisations.
 */
export const addAndInviteStaff = async (req: PayloadRequest, input: NewStaff) => {
  const { randomBytes } = await import('node:crypto')
  const user = await req.payload.create({
    collection: 'users',
    data: {
      email: input.email,
      name: input.name,
      roles: [input.role],
      organizations: input.organization ? [input.organization] : [],
      password: randomBytes(24).toString('base64url'),
    },
    overrideAccess: false,
    user: req.user,
    req,
  })
  return { id: user.id, ...(await inviteStaff(req, user.id)) }
}
