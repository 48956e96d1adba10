import type { PayloadRequest, Where } from 'payload'

import type { Submission, Task } from '../../payload-types'
import { residentHandle } from '../../lib/residentHandle'
import { answersForPeople, distanceMetres, reasonsForPeople, type Question } from './format'
import { loadProofs, photosOf } from './photos'
import type { ReviewItem, ReviewQueue } from './types'

/** How many submissions the workspace holds at once; the count says how many more wait. */
export const QUEUE_PAGE = 50

const WAITING: Where = { status: { equals: 'needs_review' } }

const idOf = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? value
    : typeof value === 'object' && value
      ? (value as { id: number }).id
      : undefined

/** Fields other parts of Bayanet add to submissions; read when present. */
type ReviewExtras = {
  proof: unknown
  rewardAmount: number | null
  rewardKind: string | null
  appealMessage: string | null
  appealedAt: string | null
}

const peso = new Intl.NumberFormat('en-PH', { style: 'currency', currency: 'PHP' })

const rewardText = (amount: unknown, kind: unknown) =>
  typeof amount === 'number'
    ? `${peso.format(amount)} ${kind === 'voucher' ? 'voucher' : kind === 'gcash' ? 'GCash' : ''}`.trim()
    : undefined

/** Whether a point lies in the task's area: by its circle when it has one, else only nationwide. */
const insideArea = (
  task: Task | undefined,
  nationwide: boolean,
  location: { lat: number; lng: number } | undefined,
): boolean | null => {
  if (!location) return null
  const area = (
    task as
      { area?: { lat?: number | null; lng?: number | null; radiusM?: number | null } } | undefined
  )?.area
  if (
    typeof area?.lat === 'number' &&
    typeof area.lng === 'number' &&
    typeof area.radiusM === 'number'
  )
    return distanceMetres({ lat: area.lat, lng: area.lng }, location) <= area.radiusM
  // PSGC places carry no boundaries; a nationwide task is the one case that can be told.
  return nationwide ? true : null
}

/**
 * The submissions waiting for `req.user`, read with their own access (so a reviewer sees only
 * their organisations'), shaped for the workspace. Residents appear only as keyed-hash handles
 * with their history in these organisations; nothing personal leaves this function.
 */
export const loadReviewQueue = async (req: PayloadRequest): Promise<ReviewQueue> => {
  const { payload, user } = req
  const asViewer = { overrideAccess: false, user, req } as const
  const [page, waiting] = await Promise.all([
    payload.find({
      collection: 'submissions',
      where: WAITING,
      // Riskiest first once scoring fills `score`; otherwise oldest first.
      sort: ['-score', 'createdAt'],
      limit: QUEUE_PAGE,
      depth: 1,
      ...asViewer,
    }),
    payload.count({ collection: 'submissions', where: WAITING, ...asViewer }),
  ])
  const docs = page.docs as (Submission & Partial<ReviewExtras>)[]

  const residentIds = [
    ...new Set(docs.map((d) => idOf(d.resident)).filter((id) => id !== undefined)),
  ]
  const history = new Map<number, { submissions: number; approved: number; rejected: number }>()
  if (residentIds.length) {
    const past = await payload.find({
      collection: 'submissions',
      where: { resident: { in: residentIds } },
      select: { resident: true, status: true },
      pagination: false,
      depth: 0,
      ...asViewer,
    })
    for (const doc of past.docs) {
      const id = idOf(doc.resident)
      if (id === undefined) continue
      const row = history.get(id) ?? { submissions: 0, approved: 0, rejected: 0 }
      row.submissions++
      if (doc.status === 'approved' || doc.status === 'auto_approved') row.approved++
      if (doc.status === 'rejected') row.rejected++
      history.set(id, row)
    }
  }

  const targetIds = new Set<number>()
  for (const doc of docs) {
    const task = doc.task as Task
    for (const target of task?.targets ?? []) {
      const id = idOf(target)
      if (id !== undefined) targetIds.add(id)
    }
  }
  const places = new Map<number, string>()
  if (targetIds.size) {
    const found = await payload.find({
      collection: 'places',
      where: { id: { in: [...targetIds] } },
      pagination: false,
      depth: 0,
      ...asViewer,
    })
    for (const place of found.docs as { id: number; name: string; label?: string }[])
      places.set(place.id, place.label ?? place.name)
  }

  const proofs = await loadProofs(
    req,
    docs.map((doc) => ({ doc, task: typeof doc.task === 'object' ? doc.task : undefined })),
  )

  const items = docs.map((doc): ReviewItem => {
    const task = (typeof doc.task === 'object' ? doc.task : undefined) as Task | undefined
    const residentId = idOf(doc.resident) ?? 0
    const targets = (task?.targets ?? []).map(
      (t) => places.get(idOf(t) ?? -1) ?? `place ${idOf(t)}`,
    )
    const nationwide = Boolean(task?.nationwide) || targets.length === 0
    const location =
      typeof doc.location?.lat === 'number' && typeof doc.location?.lng === 'number'
        ? {
            lat: doc.location.lat,
            lng: doc.location.lng,
            accuracy: doc.location.accuracy ?? undefined,
          }
        : undefined
    const photos = photosOf(doc, task, proofs, location)
    const answers = answersForPeople((task?.fields ?? []) as Question[], doc.answers)
    const firstText = answers.find((a) => a.value.kind === 'text' && a.value.text.length > 3)?.value
    const organization = typeof doc.organization === 'object' ? doc.organization?.name : undefined
    return {
      id: doc.id,
      createdAt: doc.createdAt,
      task: {
        id: task?.id ?? idOf(doc.task) ?? 0,
        title: task?.title ?? `Task ${idOf(doc.task)}`,
        description: task?.description ?? undefined,
        organization: organization ?? '',
        targets: nationwide ? ['Nationwide'] : targets,
      },
      reward: rewardText(
        doc.rewardAmount ?? task?.reward?.amount,
        doc.rewardKind ?? task?.reward?.kind,
      ),
      appeal: doc.appealMessage
        ? {
            message: doc.appealMessage,
            at: doc.appealedAt ?? undefined,
            previousNote: doc.reviewNote ?? undefined,
          }
        : undefined,
      answers,
      snippet: firstText?.kind === 'text' ? firstText.text.slice(0, 80) : undefined,
      photos,
      location,
      insideArea: insideArea(task, nationwide, location),
      score: typeof doc.score === 'number' ? doc.score : undefined,
      reasons: reasonsForPeople(doc.reasons),
      resident: {
        handle: residentHandle(residentId, payload.secret),
        ...(history.get(residentId) ?? { submissions: 1, approved: 0, rejected: 0 }),
      },
    }
  })

  return {
    items,
    waiting: waiting.totalDocs,
    order: items.some((i) => i.score !== undefined)
      ? 'highest risk first, then oldest'
      : 'oldest first',
  }
}
