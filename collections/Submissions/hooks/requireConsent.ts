import type { CollectionBeforeChangeHook } from 'payload'

import { asResident } from '../../../src/access/roles'
import { idOf } from '../../../src/lib/ids'
import {
  carriesLocation,
  submissionConsent,
  taskWantsLocation,
  taskWantsPhoto,
} from '../../Consents/operations/gate'

/**
 * A resident's new submission needs their current consent: terms and data processing always,
 * photos for one with a photo, location for one with a location (see submissionConsent). A
 * withdrawn consent refuses the submission (403) rather than quietly storing less or more.
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
  const form = task as Record<string, unknown> | undefined
  await submissionConsent(req, resident.id, {
    involvesPhoto: data.proof != null || taskWantsPhoto(form),
    involvesLocation: carriesLocation(data.location) || taskWantsLocation(form),
  })
  return data
}
