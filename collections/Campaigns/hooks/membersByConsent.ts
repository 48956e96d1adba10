import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { organizationIds } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { idsOf } from '../../../src/lib/ids'
import {
  holdForConsent,
  sendInvitations,
  skipsConsent,
} from '../../Sponsorships/operations/invitations'

/**
 * A manager adds their own organisations to a campaign; any other organisation is invited and
 * joins once it accepts. Organisations already in the campaign stay: only they can leave.
 */
export const membersByConsent: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (skipsConsent(req) || (data.organizations === undefined && operation !== 'create')) return data
  const own = organizationIds(req.user)
  const before = idsOf(originalDoc?.organizations)
  const requested = idsOf(data.organizations)
  if (operation === 'create' && !requested.some((id) => own.includes(id))) {
    if (own.length !== 1) {
      throw new HttpError('Add at least one of your own organisations to the campaign.', 400)
    }
    requested.unshift(own[0])
  }
  const keep = holdForConsent(req, 'campaigns', {
    requested,
    allowed: [...before, ...own],
    invitedByOrganization: requested.find((id) => own.includes(id)) ?? own[0],
  })
  const others = before.filter((id) => !own.includes(id))
  return { ...data, organizations: [...new Set([...keep, ...others])] }
}

/** Sends the invitations held back by `membersByConsent`, now that the campaign has an id. */
export const inviteCampaignMembers: CollectionAfterChangeHook = async ({ doc, req }) => {
  await sendInvitations(req, 'campaigns', { campaign: doc.id, title: doc.name })
  return doc
}
