import type { Payload, PayloadRequest } from 'payload'

import { idOf } from '../../../../src/lib/ids'
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../../../src/lib/scoring/engine'
import { findNearDuplicates } from '../../../../src/lib/scoring/nearDuplicates'
import { isPerceptualHash } from '../../../../src/lib/scoring/phash'
import type { ScoringContext } from '../../../../src/lib/scoring/types'
import type { Submission, Task } from '../../../../src/payload-types'

const HOUR = 3_600_000
const DAY = 24 * HOUR

type Loose = Record<string, unknown>

/** A task's thresholds; empty fields mean "decide nothing automatically". */
export const thresholdsOf = (task: Task): Thresholds => ({
  approveBelow: task.scoring?.approveBelow ?? DEFAULT_THRESHOLDS.approveBelow,
  rejectAbove: task.scoring?.rejectAbove ?? DEFAULT_THRESHOLDS.rejectAbove,
})

/** Whether a task lets scores decide at all: otherwise every submission goes to a person. */
export const decidesAutomatically = (task: Task) => {
  const t = thresholdsOf(task)
  return t.approveBelow > 0 || t.rejectAbove != null
}

const distinctOthers = (docs: Loose[], residentId: number) =>
  new Set(docs.map((d) => idOf(d.resident)).filter((id) => id !== undefined && id !== residentId))
    .size

/** The proof photo, when the submission has one and proofs exist in this build. */
const loadPhoto = async (payload: Payload, submission: Submission, req?: PayloadRequest) => {
  const proofId = idOf((submission as unknown as Loose).proof)
  if (!proofId || !payload.collections['proofs' as never]) return null
  const proof = (await payload
    .findByID({
      collection: 'proofs' as never,
      id: proofId,
      depth: 0,
      overrideAccess: true,
      req,
      // A deleted proof must not end the request's transaction (a thrown NotFound does).
      disableErrors: true,
    })
    .catch(() => null)) as Loose | null
  if (!proof) return null
  return {
    capturedAt: typeof proof.capturedAt === 'string' ? proof.capturedAt : null,
    hash: isPerceptualHash(proof.phash) ? proof.phash : null,
  }
}

/** Gathers everything the rules read about one submission (read-only). */
export const loadContext = async (
  payload: Payload,
  submission: Submission,
  task: Task,
  req?: PayloadRequest,
): Promise<ScoringContext> => {
  const residentId = idOf(submission.resident)!
  const sent = submission.createdAt
  const sentMs = Date.parse(sent)
  const resident = await payload.findByID({
    collection: 'residents',
    id: residentId,
    depth: 1,
    overrideAccess: true,
    req,
  })
  const home =
    resident.homeBarangay && typeof resident.homeBarangay === 'object'
      ? (resident.homeBarangay as unknown as Loose)
      : null
  const centre = (home?.centre ?? {}) as { lat?: number | null; lng?: number | null }

  const since = (ms: number) => new Date(sentMs - ms).toISOString()
  const count = async (where: Loose) =>
    (
      await payload.count({
        collection: 'submissions',
        where: {
          resident: { equals: residentId },
          createdAt: { greater_than: since(HOUR), less_than_equal: sent },
          ...where,
        },
        overrideAccess: true,
        req,
      })
    ).totalDocs

  const peers = async (
    field: 'deviceId' | 'ipHash',
    value: string | null | undefined,
    window: number,
  ) => {
    if (!value) return 0
    const { docs } = await payload.find({
      collection: 'submissions',
      where: { [field]: { equals: value }, createdAt: { greater_than: since(window) } },
      select: { resident: true },
      limit: 500,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return distinctOthers(docs as Loose[], residentId)
  }

  const photo = await loadPhoto(payload, submission, req)
  const area = task.area
  return {
    submission: {
      id: submission.id,
      createdAt: sent,
      location:
        submission.location?.lat != null && submission.location?.lng != null
          ? {
              lat: submission.location.lat,
              lng: submission.location.lng,
              accuracy: submission.location.accuracy,
            }
          : null,
    },
    task: {
      id: task.id,
      startsAt: task.startsAt,
      area:
        area?.lat != null && area?.lng != null && area?.radiusM != null
          ? { lat: area.lat, lng: area.lng, radiusM: area.radiusM }
          : null,
    },
    resident: {
      id: residentId,
      createdAt: resident.createdAt,
      homeBarangayChangedAt: resident.homeBarangayChangedAt,
      home: home
        ? {
            label: String(home.label ?? home.name ?? 'The home barangay'),
            lat: centre.lat ?? null,
            lng: centre.lng ?? null,
          }
        : null,
    },
    photo,
    duplicates: photo?.hash
      ? await findNearDuplicates(payload, photo.hash, { exceptSubmission: submission.id })
      : [],
    velocity: {
      lastHour: await count({}),
      thisTaskLastHour: await count({ task: { equals: task.id } }),
    },
    sharing: {
      deviceId: submission.deviceId,
      residentsOnDevice: await peers('deviceId', submission.deviceId, 30 * DAY),
      residentsOnIp: await peers('ipHash', submission.ipHash, DAY),
    },
  }
}
