import type { PayloadRequest } from 'payload'

import { HttpError } from '../../../src/lib/errors'
import { idOf } from '../../../src/lib/ids'
import type { Task } from '../../../src/payload-types'

type Question = NonNullable<Task['fields']>[number]

/**
 * The photos a new submission uses: its `proof` and the answers to photo questions (a photo
 * question left empty takes `proof`). Each must be a proof the resident uploaded and has not
 * used for another submission; it is then bound to the task, so its organisation's staff may
 * see it. Runs in the submission's transaction, so a refused submission binds nothing.
 */
export const attachProofs = async (
  req: PayloadRequest,
  {
    residentId,
    task,
    proof,
    answers,
  }: { residentId: number; task: Task; proof: unknown; answers: Record<string, unknown> },
): Promise<number | null> => {
  const main = proof == null ? undefined : idOf(proof)
  if (proof != null && (!main || !Number.isInteger(main) || main <= 0)) {
    throw new HttpError('"proof" must be the id of a photo you uploaded.', 400)
  }
  const photoQuestions = (task.fields ?? []).filter((q: Question) => q.type === 'photo')
  for (const q of photoQuestions) {
    if (q.name && answers[q.name] == null && main) answers[q.name] = main
  }
  const ids = new Set<number>(main ? [main] : [])
  for (const q of photoQuestions) {
    if (!q.name) continue
    const value = answers[q.name]
    if (Number.isInteger(value)) ids.add(value as number)
  }
  if (!ids.size) return null

  const { payload } = req
  const { docs } = await payload.find({
    collection: 'proofs',
    where: { id: { in: [...ids] } },
    depth: 0,
    limit: ids.size,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const id of ids) {
    const found = docs.find((doc) => doc.id === id)
    if (!found || idOf(found.resident) !== residentId) {
      throw new HttpError(`Photo ${id} is not one you uploaded. Upload it again.`, 400)
    }
    if (found.task) {
      throw new HttpError(`Photo ${id} belongs to another submission. Take a new one.`, 409)
    }
  }
  await payload.update({
    collection: 'proofs',
    where: { id: { in: [...ids] } },
    data: { task: task.id, organization: idOf(task.organization) },
    overrideAccess: true,
    req,
  })
  return main ?? [...ids][0]
}
