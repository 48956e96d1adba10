import type { Endpoint } from 'payload'

import { jsonResponse, readJsonBody } from '../../../src/lib/http'
import { createSubmission } from '../operations/createSubmission'

/**
 * `POST /api/submissions`: replaces Payload's default create so that a retried `clientId`
 * answers 200 with the saved submission instead of failing.
 */
export const createSubmissionEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    const { submission, created } = await createSubmission(req, body)
    return jsonResponse(
      req,
      { doc: submission, message: created ? 'Submission received.' : 'Already received.' },
      created ? 201 : 200,
    )
  },
}
