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

/** True when a task's form asks where the resident is. */
export const taskWantsLocation = (task: Record<string, unknown> | undefined) =>
  ((task?.fields ?? []) as { type?: string }[]).some((field) => field.type === 'location')

/** True when a submission's `location` holds a place (anything else is left to validation). */
export const carriesLocation = (location: unknown) => {
  if (!location || typeof location !== 'object' || Array.isArray(location)) return false
  const { lat, lng } = location as { lat?: unknown; lng?: unknown }
  return lat != null || lng != null
}

/**
 * The 403 for an optional purpose a submission needs. `data` tells the app which purpose and
 * whether the resident withdrew it (or declined) rather than was never asked, so it can send
 * them to the right switch in Privacy settings.
 */
const optionalPurposeRefused = (
  purpose: 'photos' | 'location',
  decided: boolean,
  message: string,
) =>
  new HttpError(message, 403, {
    missing: [purpose],
    reason: decided ? 'consent-withdrawn' : 'consent-not-given',
  })

/**
 * What a resident's consents allow for a new submission. Refuses it (403, naming what to
 * accept) without current terms and data-processing consent; with a photo (a proof, or a task
 * that takes one) without photo consent; with a location (sent, or a task that asks where)
 * without location consent. Withdrawing a consent therefore stops new submissions that would
 * store that kind of data, with a message saying why, instead of storing it anyway.
 */
export const submissionConsent = async (
  req: PayloadRequest,
  residentId: number,
  { involvesPhoto, involvesLocation }: { involvesPhoto: boolean; involvesLocation: boolean },
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
  const photos = state.purposes.photos
  if (involvesPhoto && !photos.granted) {
    throw optionalPurposeRefused(
      'photos',
      Boolean(photos.decidedAt),
      photos.decidedAt
        ? 'You withdrew your consent to photos, so this submission with a photo was not sent. Allow photos again in Privacy settings to do this task.'
        : 'This task needs a photo, and you have not allowed photos. Allow photos in Privacy settings to do it.',
    )
  }
  const location = state.purposes.location
  if (involvesLocation && !location.granted) {
    throw optionalPurposeRefused(
      'location',
      Boolean(location.decidedAt),
      location.decidedAt
        ? 'You withdrew your consent to storing your location, so this submission with a location was not sent. Send it without the location, or allow location again in Privacy settings.'
        : 'This submission has a location, and you have not allowed Bayanet to store it. Send it without the location, or allow location in Privacy settings.',
    )
  }
}

/**
 * A resident's photo upload (`POST /api/proofs`) needs photo consent, checked before the file
 * is read or stored: a withdrawn consent means no new photo is kept at all. Returns whether the
 * photo's own GPS position (from its EXIF) may be kept, which needs location consent.
 */
export const photoUploadConsent = async (req: PayloadRequest, residentId: number) => {
  const state = await consentState(req, residentId)
  const photos = state.purposes.photos
  if (!photos.granted) {
    throw optionalPurposeRefused(
      'photos',
      Boolean(photos.decidedAt),
      photos.decidedAt
        ? 'You withdrew your consent to photos, so this photo was not uploaded. Allow photos again in Privacy settings to send one.'
        : 'You have not allowed photos, so this photo was not uploaded. Allow photos in Privacy settings to send one.',
    )
  }
  return { keepExifLocation: state.purposes.location.granted }
}
