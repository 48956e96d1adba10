import type { Access, CollectionConfig } from 'payload'

import { hasRole, isAdminUser, organizationIds } from '../../src/access/roles'
import { isAdmin } from '../../src/access/rules'
import { applySponsorship } from './hooks/applySponsorship'
import { checkSponsorshipDecision } from './hooks/checkSponsorshipDecision'

/** Where an invitation stands. Only `accepted` puts the organisation on the task or campaign. */
export const SPONSORSHIP_STATUSES = [
  { label: 'Waiting for their answer', value: 'pending' },
  { label: 'Accepted', value: 'accepted' },
  { label: 'Declined', value: 'declined' },
  { label: 'Left', value: 'left' },
] as const

/** Staff see invitations to and from their organisations. */
const readSponsorships: Access = ({ req: { user } }): ReturnType<Access> => {
  if (isAdminUser(user)) return true
  if (!hasRole(user, ['org-manager', 'reviewer'])) return false
  const own = organizationIds(user)
  return {
    or: [{ organization: { in: own } }, { invitedByOrganization: { in: own } }],
  }
}

/** The invited organisation's managers answer; checkSponsorshipDecision says which answers. */
const answerSponsorships: Access = ({ req: { user } }) => {
  if (isAdminUser(user)) return true
  if (!hasRole(user, ['org-manager'])) return false
  return { organization: { in: organizationIds(user) } }
}

/**
 * Co-sponsorship by consent: naming another organisation as a task's sponsor, or adding it to
 * a campaign, creates one of these instead. A manager of that organisation accepts or
 * declines; only then does it appear on the task or campaign. It can leave later.
 */
export const Sponsorships: CollectionConfig = {
  slug: 'sponsorships',
  labels: { singular: 'Sponsorship invitation', plural: 'Sponsorship invitations' },
  admin: {
    group: 'Civic work',
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'organization', 'status', 'invitedByOrganization', 'updatedAt'],
    description:
      'Invitations to co-sponsor a task or join a campaign. Open one and set its status to accept, decline or leave.',
  },
  access: {
    read: readSponsorships,
    create: isAdmin,
    update: answerSponsorships,
    delete: isAdmin,
  },
  hooks: { beforeChange: [checkSponsorshipDecision], afterChange: [applySponsorship] },
  fields: [
    { name: 'summary', type: 'text', admin: { readOnly: true } },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      admin: { readOnly: true, description: 'The organisation invited' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: SPONSORSHIP_STATUSES.map((s) => ({ ...s })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'task',
      type: 'relationship',
      relationTo: 'tasks',
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'campaign',
      type: 'relationship',
      relationTo: 'campaigns',
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'invitedByOrganization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      admin: { readOnly: true },
    },
    { name: 'invitedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'decidedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'decidedAt', type: 'date', admin: { readOnly: true } },
  ],
}
