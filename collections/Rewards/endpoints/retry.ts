import type { Endpoint } from 'payload'

import { HttpError } from '../../../src/lib/errors'
import { retryFailedReward } from '../operations/retryReward'

/** `POST /api/rewards/:id/retry`: queue another payout attempt for a failed reward. */
export const retryRewardEndpoint: Endpoint = {
  path: '/:id/retry',
  method: 'post',
  handler: async (req) => {
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id <= 0)
      throw new HttpError('The reward id must be a number.', 400)
    return Response.json(await retryFailedReward(req, id), { status: 202 })
  },
}
