import type { PayloadRequest } from 'payload'

import { HttpError } from '../../../src/lib/errors'
import { PURPOSE_LABELS } from '../purposes'
import { consentState } from './consentState'

/** Task form field types that capture a photo. */
const PHOTO_FIELD_TYPES = new Set(['photo', 'image', 'proof', 'file', 'upload'])

/** True when a task asks for a photo, by a form field or by requiring a proof. */
export const taskWantsPhoto = (task: Record<string, unknown> | undefined) => {
  if (!task) return false
  const fields = (task.fields ?? []) as { type?: string }[]
  if (fields.some((field) => field.type && PHOTO_FIELD_TYPES.has(field.type))) return true
  const proof = task.proof as { required?: boolean } | boolean | undefined
  return Boolean(
    task.requiresProof ||
    task.proofRequired ||
    (proof && typeof proof === 'object' ? proof.required : proof),
  )
}

/**
 * What a resident's consents allow for a new submission: refuses it (403, naming what to
 * accept) without current terms and data-processing consent, or when it involves a photo
 * without photo consent; says whether its location may be stored.
 */
export const submissionConsent = async (
  req: PayloadRequest,
  residentId: number,
  { involvesPhoto }: { involvesPhoto: boolean },
) => {
  const state = await consentState(req, residentId)
  if (state.missing.length) {
    const what = state.missing.map((purpose) => PURPOSE_LABELS[purpose]).join(' and ')
    const renewal = state.missing.some((purpose) => state.purposes[purpose].needsRenewal)
    throw new HttpError(
      renewal
        ? `The privacy notice changed (version ${state.noticeVersion}). Read it and accept ${what} again before submitting.`
        : `Accept ${what} before submitting: POST /api/consents {"purpose": "${state.missing[0]}", "granted": true}.`,
      403,
      { missing: state.missing, noticeVersion: state.noticeVersion },
    )
  }
  if (involvesPhoto && !state.purposes.photos.granted) {
    throw new HttpError(
      'This task needs a photo, and you have not allowed photos (or withdrew that consent). Allow photos in Privacy settings to do it.',
      403,
      { missing: ['photos'] },
    )
  }
  return { storeLocation: state.purposes.location.granted }
}
