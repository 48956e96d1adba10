import { addDataAndFileToRequest, APIError, type Endpoint } from 'payload'

import { asResident } from '../../../src/access/roles'
import { HttpError } from '../../../src/lib/errors'
import { jsonResponse } from '../../../src/lib/http'
import { PROOF_MAX_BYTES } from '../operations/sanitizeImage'

/** What Payload's multipart parser says when a file passes its size limit. */
export const UPLOAD_TOO_LARGE = 'The photo is larger than 8 MB. Send a smaller one.'

/** Multipart framing and the field name around the file, well within any real request. */
const ENVELOPE_BYTES = 64 * 1024

/**
 * `POST /api/proofs` (multipart, field `file`) for a signed-in resident: 201 with the stored
 * photo's public facts. Oversized bodies are refused with 413 before they are read.
 */
export const uploadProofEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    const resident = asResident(req.user)
    if (!resident) {
      throw new HttpError('Sign in with your phone to upload a photo.', req.user ? 403 : 401)
    }
    const length = Number(req.headers.get('content-length') ?? 0)
    if (length > PROOF_MAX_BYTES + ENVELOPE_BYTES) throw new HttpError(UPLOAD_TOO_LARGE, 413)
    if (!(req.headers.get('content-type') ?? '').includes('multipart/form-data')) {
      throw new HttpError('Send the photo as multipart form data in the field "file".', 400)
    }
    try {
      await addDataAndFileToRequest(req)
    } catch (err) {
      if (err instanceof APIError && err.message === UPLOAD_TOO_LARGE) {
        throw new HttpError(UPLOAD_TOO_LARGE, 413)
      }
      throw new HttpError('The upload could not be read. Try again.', 400)
    }
    if (!req.file) {
      throw new HttpError('Send the photo as multipart form data in the field "file".', 400)
    }
    if ((req.file as { truncated?: boolean }).truncated || req.file.size > PROOF_MAX_BYTES) {
      throw new HttpError(UPLOAD_TOO_LARGE, 413)
    }
    const doc = await req.payload.create({
      collection: 'proofs',
      data: {},
      file: req.file,
      overrideAccess: false,
      user: req.user,
      depth: 0,
      req,
    })
    const { id, url, mimeType, width, height, filesize, sizes, capturedAt } = doc
    return jsonResponse(
      req,
      {
        doc: {
          id,
          url,
          mimeType,
          width,
          height,
          filesize,
          thumbnailUrl: sizes?.thumbnail?.url ?? null,
          capturedAt,
        },
        message: 'Photo received.',
      },
      201,
    )
  },
}
