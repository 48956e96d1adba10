import type { Endpoint } from 'payload'

import { jsonResponse } from '../../../src/lib/http'
import { scoringFigures } from '../operations/scoringFigures'

/** `GET /api/tasks/:id/scoring-figures`: staff of the task's organisation. */
export const scoringFiguresEndpoint: Endpoint = {
  path: '/:id/scoring-figures',
  method: 'get',
  handler: async (req) => jsonResponse(req, await scoringFigures(req, Number(req.routeParams?.id))),
}
