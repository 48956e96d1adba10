import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { idOf, idsOf } from '../../../src/lib/ids'
import {
  holdForConsent,
  sendInvitations,
  skipsConsent,
} from '../../Sponsorships/operations/invitations'

/**
 * Another organisation appears among a task's sponsors only once it has accepted: naming it
 * sends it an invitation instead. Sponsors already on the task, and its own organisation, stay.
 */
export const sponsorsByConsent: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (data.sponsors === undefined || skipsConsent(req)) return data
  const organization = idOf(data.organization ?? originalDoc?.organization)
  const allowed = [...idsOf(originalDoc?.sponsors), ...(organization ? [organization] : [])]
  const sponsors = holdForConsent(req, 'tasks', {
    requested: idsOf(data.sponsors),
    allowed,
    invitedByOrganization: organization,
  })
  return { ...data, sponsors }
}

/** Sends the invitations held back by `sponsorsByConsent`, now that the task has an id. */
export const inviteTaskSponsors: CollectionAfterChangeHook = async ({ doc, req }) => {
  await sendInvitations(req, 'tasks', { task: doc.id, title: doc.title })
  return doc
}
