import type { CollectionSlug, PayloadRequest } from 'payload'

import type { Submission, Task } from '../../payload-types'
import { distanceMetres, type Question } from './format'
import type { ReviewPhoto } from './types'

/** The parts of a proof (the `proofs` upload collection) the workspace shows. */
type ProofDoc = {
  id: number
  url?: string | null
  thumbnailURL?: string | null
  capturedAt?: string | null
  exifLocation?: { lat?: number | null; lng?: number | null } | null
  sizes?: Record<string, { url?: string | null } | undefined> | null
}

const PROOFS = 'proofs' as CollectionSlug

const idOf = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? value
    : typeof value === 'object' && value && typeof (value as { id?: unknown }).id === 'number'
      ? (value as { id: number }).id
      : undefined

const photoQuestions = (task: Task | undefined) =>
  ((task?.fields ?? []) as Question[]).filter((q) => q.type === 'photo')

/** A submission's photos: its `proof`, then each photo question's answer, without repeats. */
const photoRefs = (doc: Submission & { proof?: unknown }, task: Task | undefined) => {
  const answers = (doc.answers ?? {}) as Record<string, unknown>
  const refs: { id: number; label: string }[] = []
  const main = idOf(doc.proof)
  if (main) refs.push({ id: main, label: 'Photo' })
  for (const q of photoQuestions(task)) {
    const id = idOf(answers[q.name])
    if (!id) continue
    const known = refs.find((r) => r.id === id)
    if (known) known.label = q.label || known.label
    else refs.push({ id, label: q.label || q.name })
  }
  return refs
}

/** Every proof the given submissions show, read in one query with the viewer's access. */
export const loadProofs = async (
  req: PayloadRequest,
  docs: { doc: Submission & { proof?: unknown }; task: Task | undefined }[],
) => {
  const ids = [...new Set(docs.flatMap(({ doc, task }) => photoRefs(doc, task).map((r) => r.id)))]
  const proofs = new Map<number, ProofDoc>()
  // Proofs arrive with the review work; until that collection exists there is nothing to show.
  if (!ids.length || !req.payload.collections[PROOFS]) return proofs
  const found = await req.payload.find({
    collection: PROOFS,
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
  for (const proof of found.docs as unknown as ProofDoc[]) proofs.set(proof.id, proof)
  return proofs
}

/** The photos to show for one submission, with when and how far from the submitted point. */
export const photosOf = (
  doc: Submission & { proof?: unknown },
  task: Task | undefined,
  proofs: Map<number, ProofDoc>,
  location: { lat: number; lng: number } | undefined,
): ReviewPhoto[] =>
  photoRefs(doc, task).flatMap(({ id, label }) => {
    const proof = proofs.get(id)
    if (!proof?.url) return []
    const exif = proof.exifLocation
    const thumbnail =
      proof.sizes?.thumbnail?.url ??
      Object.values(proof.sizes ?? {}).find((s) => s?.url)?.url ??
      proof.thumbnailURL ??
      proof.url
    return [
      {
        id,
        label,
        thumbnail,
        full: proof.url,
        capturedAt: proof.capturedAt ?? undefined,
        distanceM:
          location && typeof exif?.lat === 'number' && typeof exif?.lng === 'number'
            ? distanceMetres({ lat: exif.lat, lng: exif.lng }, location)
            : undefined,
      },
    ]
  })
