import type { CollectionBeforeChangeHook } from 'payload'

import { onBehalfOf } from '../../../src/access/onBehalfOf'
import { asResident } from '../../../src/access/roles'
import { idOf, idsOf } from '../../../src/lib/ids'
import { lockForTransaction } from '../../../src/lib/advisoryLock'
import { placeLineage, targetsReach } from '../../../src/lib/geography'
import { openTaskWhere } from '../../Tasks/operations/openTaskWhere'
import { validateAnswers } from '../operations/validateAnswers'
import { HttpError } from '../../../src/lib/errors'
import { taskCapacityProblem } from '../../Tasks/operations/capacity'
import { residentLockKey, taskLockKey } from '../operations/locks'
import { checkDailyLimit } from '../operations/dailyLimit'
import { attachProofs } from '../operations/attachProofs'
import { ClientIdTaken } from '../operations/clientId'
import type { Task } from '../../../src/payload-types'

/** Answers as checked: a photo question left empty is answered by the submission's `proof`. */
const withPhotoDefaults = (task: Task, answers: Record<string, unknown>, proof: unknown) => {
  const filled = { ...answers }
  for (const q of task.fields ?? []) {
    if (q.type !== 'photo' || !q.name || proof == null) continue
    if (filled[q.name] == null) filled[q.name] = idOf(proof)
  }
  return filled
}

/**
 * Every new submission, however it arrives (REST, GraphQL, Local API): bound to the signed-in
 * resident, for an open task that reaches their barangay, within the caps (per resident per
 * task, per resident per day, the task's total and budget), with answers that fit the task's
 * form and photos the resident uploaded.
 */
export const checkNewSubmission: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { payload } = req
  const signedIn = asResident(req.user)
  if (signedIn) data.resident = signedIn.id
  const residentId = idOf(data.resident)
  if (!residentId) throw new HttpError('A submission needs a resident.', 400)

  const taskId = idOf(data.task)
  if (taskId === undefined || !Number.isInteger(taskId) || taskId <= 0) {
    throw new HttpError('"task" must be the id of a task from your feed.', 400)
  }
  const { docs } = await payload.find({
    collection: 'tasks',
    where: { and: [{ id: { equals: taskId } }, openTaskWhere()] },
    limit: 1,
    depth: 0,
    // Open tasks are published, which residents may read; their targets and caps are
    // staff-only fields that this check needs, so it reads past field access.
    overrideAccess: true,
    req,
  })
  const task = docs[0]
  if (!task) throw new HttpError(`Task ${taskId} does not exist or is not open.`, 404)

  const resident = await payload.findByID({
    collection: 'residents',
    id: residentId,
    depth: 0,
    ...onBehalfOf(req),
  })
  const targets = idsOf(task.targets)
  if (!task.nationwide && targets.length > 0) {
    const home = resident.homeBarangay == null ? undefined : idOf(resident.homeBarangay)
    if (!home) {
      throw new HttpError('Set your home barangay first; this task is for particular places.', 403)
    }
    if (!targetsReach(targets, false, await placeLineage(payload, home, req))) {
      throw new HttpError('This task is not open to residents of your barangay.', 403)
    }
  }

  const perResident = task.caps?.perResident ?? 1
  // Two submissions racing past the counts below would both fit under the caps: take turns,
  // per resident and then per task (always in that order).
  await lockForTransaction(req, residentLockKey(residentId))
  await lockForTransaction(req, taskLockKey(taskId))
  // A retry that waited for the lock finds the submission its twin just saved.
  if (typeof data.clientId === 'string') {
    const { docs: twins } = await payload.find({
      collection: 'submissions',
      where: { resident: { equals: residentId }, clientId: { equals: data.clientId } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (twins[0]) throw new ClientIdTaken(twins[0].id)
  }
  const { totalDocs } = await payload.count({
    collection: 'submissions',
    where: {
      task: { equals: taskId },
      resident: { equals: residentId },
      status: { not_equals: 'rejected' },
    },
    ...onBehalfOf(req),
  })
  if (totalDocs >= perResident) {
    throw new HttpError(
      perResident === 1
        ? 'You have already submitted this task.'
        : `You can submit this task ${perResident} times.`,
      409,
    )
  }

  await checkDailyLimit(req, residentId)
  const full = await taskCapacityProblem(req, taskId)
  if (full) throw new HttpError(full, 409)

  const answers = (data.answers ?? {}) as Record<string, unknown>
  const problems =
    typeof answers === 'object' && !Array.isArray(answers)
      ? validateAnswers(task.fields ?? [], withPhotoDefaults(task, answers, data.proof))
      : validateAnswers(task.fields ?? [], answers)
  if (problems.length) throw new HttpError(problems.join('; '), 400, { problems })
  data.proof = await attachProofs(req, { residentId, task, proof: data.proof, answers })
  data.answers = answers

  data.task = taskId
  data.rewardKind = task.reward?.kind
  data.rewardAmount = task.reward?.amount
  data.organization = idOf(task.organization)
  return data
}
