import type { Endpoint, PayloadRequest } from 'payload'

import { asStaff } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { jsonResponse, readJsonBody } from '../../../src/lib/http'
import { reviewSubmission } from '../operations/reviewSubmission'

/** The most submissions one bulk request may decide. */
export const BULK_REVIEW_MAX = 100

/** What the caller may see of a submission's status now, so a loser can drop it from a queue. */
const currentStatus = async (req: PayloadRequest, id: number) => {
  const { docs } = await req.payload.find({
    collection: 'submissions',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    select: { status: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs[0]?.status
}

/** One line of the bulk answer. */
export type BulkResult = { id: number; ok: boolean; status?: string; error?: string }

/**
 * `POST /api/submissions/bulk-review {ids, status, reviewNote}`: the same decision for many
 * submissions, each in its own transaction through `reviewSubmission`, so one that someone
 * else decided first fails alone. Answers 200 `{results: [{id, ok, status?, error?}]}`.
 */
export const bulkReviewEndpoint: Endpoint = {
  path: '/bulk-review',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new HttpError('Sign in as staff to review.', 401)
    if (!asStaff(req.user)) throw new HttpError('Only staff can review submissions.', 403)
    const body = await readJsonBody(req)
    const { ids, status, reviewNote } = body
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > BULK_REVIEW_MAX ||
      !ids.every((id) => Number.isInteger(id) && id > 0)
    ) {
      throw new HttpError(`"ids" must be a list of 1 to ${BULK_REVIEW_MAX} submission ids.`, 400)
    }
    const results: BulkResult[] = []
    for (const id of new Set(ids as number[])) {
      try {
        const doc = await reviewSubmission(req, id, status, reviewNote)
        results.push({ id, ok: true, status: doc.status })
      } catch (err) {
        const status = (err as { status?: number }).status
        // A mistake in the request itself (no reason, a bad decision) fails the whole call.
        if (status === 400 && results.length === 0) throw err
        if (!status || status >= 500) throw err
        results.push({
          id,
          ok: false,
          status: await currentStatus(req, id),
          error: (err as Error).message,
        })
      }
    }
    return jsonResponse(req, { results })
  },
}
