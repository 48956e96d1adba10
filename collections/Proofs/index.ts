import path from 'node:path'
import type { CollectionConfig } from 'payload'

import { dataDir } from '../../src/env'
import {
  anyOf,
  isResident,
  nobody,
  ownedByResident,
  staffOfOrganization,
} from '../../src/access/rules'
import { uploadProofEndpoint } from './endpoints/upload'
import { cleanUpload, keepExifFacts } from './hooks/cleanUpload'
import { dropExifLocationWithoutConsent, requirePhotoConsent } from './hooks/requirePhotoConsent'
import { PROOF_FORMATS } from './operations/sanitizeImage'

const serverOnly = { create: () => false, update: () => false }

/** Where proofs live on local disk when no S3 bucket is configured. */
export const proofsDir = () => path.join(dataDir, 'proofs')

/** Headers for every proof served: never sniffed into HTML, never cached by shared caches. */
export const proofHeaders = (headers: Headers) => {
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox")
  headers.set('Cache-Control', 'private, max-age=0, must-revalidate')
  headers.set('Content-Disposition', 'inline')
  return headers
}

/**
 * A resident's photo proof (DESIGN.md §4): only JPEG, PNG and WebP, sniffed, at most 8 MB and
 * 40 megapixels, re-encoded without EXIF under a generated name. Served only through Payload's
 * access-checked file URL: to its resident, and to staff of the organisation whose task it was
 * submitted to. Stored on local disk, or on S3 when configured (src/lib/storage.ts).
 */
export const Proofs: CollectionConfig = {
  slug: 'proofs',
  admin: {
    group: 'Civic work',
    defaultColumns: ['id', 'filename', 'resident', 'task', 'capturedAt', 'createdAt'],
  },
  lockDocuments: false,
  access: {
    read: anyOf(ownedByResident('resident'), staffOfOrganization(['org-manager', 'reviewer'])),
    create: isResident,
    update: nobody,
    delete: nobody,
  },
  endpoints: [uploadProofEndpoint],
  upload: {
    staticDir: proofsDir(),
    mimeTypes: Object.keys(PROOF_FORMATS),
    imageSizes: [
      // For the review screen: fits in 480×480, never enlarged.
      { name: 'thumbnail', width: 480, height: 480, fit: 'inside', withoutEnlargement: true },
    ],
    adminThumbnail: 'thumbnail',
    crop: false,
    focalPoint: false,
    withMetadata: false,
    pasteURL: false,
    modifyResponseHeaders: ({ headers }) => proofHeaders(headers),
  },
  hooks: {
    // Photo consent first: without it the file is neither processed nor stored.
    beforeOperation: [requirePhotoConsent, cleanUpload],
    beforeChange: [keepExifFacts, dropExifLocationWithoutConsent],
  },
  fields: [
    {
      name: 'resident',
      type: 'relationship',
      relationTo: 'residents',
      index: true,
      access: serverOnly,
      admin: { readOnly: true },
    },
    {
      name: 'task',
      type: 'relationship',
      relationTo: 'tasks',
      index: true,
      access: serverOnly,
      admin: { readOnly: true, description: 'Set when a submission uses this photo.' },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      access: serverOnly,
      admin: { readOnly: true, description: 'The task’s organisation, whose staff may see it.' },
    },
    {
      name: 'capturedAt',
      type: 'date',
      access: serverOnly,
      admin: { readOnly: true, description: 'From the photo’s EXIF, before it was removed.' },
    },
    {
      name: 'exifLocation',
      type: 'group',
      access: serverOnly,
      admin: { readOnly: true, description: 'GPS from the photo’s EXIF, before it was removed.' },
      fields: [
        { name: 'lat', type: 'number' },
        { name: 'lng', type: 'number' },
      ],
    },
    {
      // The stored photo's perceptual hash (src/lib/scoring/phash), set on upload; scoring indexes
      // it per submission to find the same photo sent again (duplicate_photo).
      name: 'phash',
      type: 'text',
      index: true,
      access: serverOnly,
      admin: { readOnly: true },
    },
  ],
}
