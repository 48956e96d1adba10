import { randomUUID } from 'node:crypto'
import { ValidationError, type PayloadRequest, type RequiredDataFromCollectionSlug } from 'payload'

import { asResident } from '../../../src/access/roles'
import type { Submission } from '../../../src/payload-types'
import { HttpError } from '../../../src/lib/errors'
import { idOf } from '../../../src/lib/ids'
import { ClientIdTaken, clientIdOnOtherTask } from './clientId'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What a resident sends. */
export type SubmissionInput = {
  task?: unknown
  answers?: unknown
  location?: unknown
  clientId?: unknown
  /** The id the app keeps on the device; scoring looks for devices shared by residents. */
  deviceId?: unknown
  proof?: unknown
}

const findByClientId = async (req: PayloadRequest, residentId: number, clientId: string) => {
  const { docs } = await req.payload.find({
    collection: 'submissions',
    where: { resident: { equals: residentId }, clientId: { equals: clientId } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs[0] as Submission | undefined
}

const readLocation = (value: unknown) => {
  if (value == null) return undefined
  const { lat, lng, accuracy } = value as { lat?: unknown; lng?: unknown; accuracy?: unknown }
  if (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180
  ) {
    return {
      lat,
      lng,
      accuracy: typeof accuracy === 'number' && accuracy >= 0 ? accuracy : undefined,
    }
  }
  throw new HttpError('"location" must look like {"lat": 14.59, "lng": 120.98}.', 400)
}

/**
 * Files a resident's submission. `clientId` makes retries from a flaky connection safe, also
 * simultaneous ones: every retry gets the one submission saved (200), and the same id sent
 * for another task is refused (409).
 */
export const createSubmission = async (
  req: PayloadRequest,
  input: SubmissionInput,
): Promise<{ submission: Submission; created: boolean }> => {
  const resident = asResident(req.user)
  if (!resident) throw new HttpError('Sign in with your phone to submit.', 401)
  if (
    input.clientId != null &&
    (typeof input.clientId !== 'string' || !UUID.test(input.clientId))
  ) {
    throw new HttpError('"clientId" must be a UUID made by the app.', 400)
  }
  const clientId = (input.clientId as string | undefined) ?? randomUUID()
  const sameTask = (found: Submission) => {
    if (idOf(found.task) !== idOf(input.task)) throw clientIdOnOtherTask()
    return { submission: found, created: false }
  }
  const earlier = await findByClientId(req, resident.id, clientId)
  if (earlier) return sameTask(earlier)

  try {
    const submission = await req.payload.create({
      collection: 'submissions',
      data: {
        task: input.task as number,
        resident: resident.id,
        answers: (input.answers ?? {}) as Submission['answers'],
        location: readLocation(input.location),
        proof: input.proof ?? undefined,
        clientId,
        deviceId: input.deviceId,
      } as RequiredDataFromCollectionSlug<'submissions'>,
      depth: 0,
      draft: false,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return { submission, created: true }
  } catch (err) {
    // Retries racing past the lookup: the first saves, the others find it under the
    // resident's lock (ClientIdTaken) or, failing that, at the unique (resident, clientId) index.
    if (err instanceof ClientIdTaken || err instanceof ValidationError) {
      const winner = await findByClientId(req, resident.id, clientId)
      if (winner) return sameTask(winner)
    }
    throw err
  }
}
