import { randomUUID } from 'node:crypto'
import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { asResident } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { perceptualHash } from '../../../src/lib/scoring/phash'
import { sanitizeImage, type ExifFacts } from '../operations/sanitizeImage'

const FACTS = 'proofExifFacts'

/** What the upload learnt before storing: EXIF facts and the perceptual hash. */
type Facts = ExifFacts & { phash: string }

/**
 * Before Payload stores anything: the uploaded file is replaced by its re-encoded pixels under
 * a generated name, so neither the resident's file name nor anything hidden in the file is
 * kept. What EXIF said about time and place, and the photo's perceptual hash (for duplicate
 * detection by scoring), are carried to `keepExifFacts`.
 */
export const cleanUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create') return args
  if (req.payloadAPI !== 'local' && !asResident(req.user)) {
    throw new HttpError('Sign in with your phone to upload a photo.', req.user ? 403 : 401)
  }
  const file = req.file
  if (!file?.data?.length) {
    throw new HttpError('Send the photo as multipart form data in the field "file".', 400)
  }
  const clean = await sanitizeImage(file.data)
  req.file = {
    data: clean.data,
    mimetype: clean.mime,
    name: `${randomUUID()}.${clean.ext}`,
    size: clean.data.length,
  }
  req.context[FACTS] = {
    capturedAt: clean.capturedAt,
    exifLocation: clean.exifLocation,
    // Of the stored pixels: what scoring compares to find the same photo sent again.
    phash: await perceptualHash(clean.data),
  } satisfies Facts
  return args
}

/** Binds the new proof to its resident and records the EXIF facts and the perceptual hash. */
export const keepExifFacts: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const resident = asResident(req.user)
  if (resident) data.resident = resident.id
  const facts = req.context[FACTS] as Facts | undefined
  data.capturedAt = facts?.capturedAt ?? null
  data.phash = facts?.phash ?? null
  data.exifLocation = facts?.exifLocation ?? { lat: null, lng: null }
  data.organization = null
  data.task = null
  return data
}
