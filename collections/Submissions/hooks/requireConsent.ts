import type { CollectionBeforeChangeHook } from 'payload'

import { asResident } from '../../../src/access/roles'
import { idOf } from '../../../src/lib/ids'
import { submissionConsent, taskWantsPhoto } from '../../Consents/operations/gate'

/**
 * A resident's new submission needs their current consent: terms and data processing always,
 * photos for a task that takes one. Without location consent the location is not stored.
 */
export const requireConsent: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const resident = asResident(req.user)
  if (!resident) return data // trusted server code (seeds, jobs) acts on its own authority
  const taskId = idOf(data.task)
  const task =
    typeof taskId === 'number' && Number.isInteger(taskId) && taskId > 0
      ? await req.payload.findByID({
          collection: 'tasks',
          id: taskId,
          depth: 0,
          overrideAccess: true,
          req,
          disableErrors: true,
        })
      : undefined
  const { storeLocation } = await submissionConsent(req, resident.id, {
    involvesPhoto:
      data.proof != null || taskWantsPhoto(task as Record<string, unknown> | undefined),
  })
  if (!storeLocation) data.location = { lat: null, lng: null, accuracy: null }
  return data
}
