import type { PayloadRequest } from 'payload'

import { adminOrigin, INVITE_DAYS } from './operations/inviteStaff'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const isInvite = (req?: PayloadRequest) => Boolean(req?.context?.bayanetInvite)

/** Subject of the set-password email: an invitation, or a reset the person asked for. */
export const resetSubject = ({ req }: { req?: PayloadRequest } = {}) =>
  isInvite(req) ? 'You are invited to Bayanet' : 'Reset your Bayanet password'

/** Body of the set-password email, plain and short, with no images or outside links. */
export const resetHtml = ({ req, token }: { req?: PayloadRequest; token?: string } = {}) => {
  const url = `${req ? adminOrigin(req) : ''}/admin/reset/${token}`
  const intro = isInvite(req)
    ? `You have been added to Bayanet, where your organisation runs civic tasks and reviews residents' submissions. Choose a password to sign in. The link works for ${INVITE_DAYS} days.`
    : 'Someone asked to reset the password of your Bayanet staff account. If it was you, choose a new password. The link works for one hour. If it was not you, ignore this email.'
  return `<p>${escape(intro)}</p><p><a href="${escape(url)}">${escape(url)}</a></p><p>Bayanet</p>`
}
