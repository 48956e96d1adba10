import type { Endpoint } from 'payload'

import { HttpError } from '../../../src/lib/errors'
import { jsonResponse, readJsonBody } from '../../../src/lib/http'
import { appealSubmission } from '../operations/appealSubmission'

/** `POST /api/submissions/:id/appeal {message}`: the resident contests a rejection, once. */
export const appealEndpoint: Endpoint = {
  path: '/:id/appeal',
  method: 'post',
  handler: async (req) => {
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id <= 0) throw new HttpError('Submission not found.', 404)
    const body = await readJsonBody(req)
    const doc = await appealSubmission(req, id, body.message)
    return jsonResponse(req, { doc, message: 'Your appeal was sent to the reviewers.' })
  },
}
