import type { Endpoint } from 'payload'

import { HttpError } from '../../../src/lib/errors'
import { jsonResponse, readJsonBody } from '../../../src/lib/http'
import { addAndInviteStaff, inviteStaff } from '../operations/inviteStaff'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const ROLES = ['reviewer', 'org-manager'] as const

/** `POST /api/users/invite {email, name?, role, organization?}`: add someone and invite them. */
export const addStaffEndpoint: Endpoint = {
  path: '/invite',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : ''
    if (!EMAIL.test(email)) throw new HttpError('"email" must be an email address.', 400)
    const role = body.role ?? 'reviewer'
    if (!ROLES.includes(role as never)) {
      throw new HttpError('"role" must be "reviewer" or "org-manager".', 400)
    }
    const organization = body.organization == null ? undefined : Number(body.organization)
    if (organization !== undefined && !(Number.isInteger(organization) && organization > 0)) {
      throw new HttpError('"organization" must be an organisation id.', 400)
    }
    const name = typeof body.name === 'string' ? body.name.trim() || undefined : undefined
    const result = await addAndInviteStaff(req, {
      email,
      name,
      role: role as (typeof ROLES)[number],
      organization,
    })
    return jsonResponse(req, result, 201)
  },
}

/** `POST /api/users/:id/invite`: email an invitation again, or return a new link. */
export const inviteEndpoint: Endpoint = {
  path: '/:id/invite',
  method: 'post',
  handler: async (req) => {
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id <= 0)
      throw new HttpError('"id" must be a staff member id.', 400)
    return jsonResponse(req, await inviteStaff(req, id))
  },
}
