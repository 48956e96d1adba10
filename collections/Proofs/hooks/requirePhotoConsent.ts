import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { asResident } from '../../../src/access/roles'
import { photoUploadConsent } from '../../Consents/operations/gate'

const KEEP_EXIF_LOCATION = 'proofKeepExifLocation'

/**
 * A resident's new photo needs their photo consent (403 naming it, before the file is
 * processed or stored). Trusted server code (no resident) acts on its own authority.
 */
export const requirePhotoConsent: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create') return args
  const resident = asResident(req.user)
  if (!resident) return args
  const { keepExifLocation } = await photoUploadConsent(req, resident.id)
  req.context[KEEP_EXIF_LOCATION] = keepExifLocation
  return args
}

/** The GPS position read from the photo's EXIF is kept only with location consent. */
export const dropExifLocationWithoutConsent: CollectionBeforeChangeHook = ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || req.context[KEEP_EXIF_LOCATION] !== false) return data
  data.exifLocation = { lat: null, lng: null }
  return data
}
