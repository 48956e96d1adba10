import exifReader from 'exif-reader'
import { fileTypeFromBuffer } from 'file-type'
import sharp, { type Metadata } from 'sharp'

import { HttpError } from '../../../src/lib/errors'

/** The largest photo accepted, in bytes. */
export const PROOF_MAX_BYTES = 8 * 1024 * 1024
/** The most pixels a photo may have: stops decompression bombs before they are decoded. */
export const PROOF_MAX_PIXELS = 40_000_000

/** The only formats kept, by the type their bytes (not their name) say they are. */
export const PROOF_FORMATS = {
  'image/jpeg': { ext: 'jpg', sharp: 'jpeg' },
  'image/png': { ext: 'png', sharp: 'png' },
  'image/webp': { ext: 'webp', sharp: 'webp' },
} as const
export type ProofMime = keyof typeof PROOF_FORMATS

/** What was read from the photo's EXIF before it was thrown away, for scoring. */
export type ExifFacts = {
  capturedAt?: string
  exifLocation?: { lat: number; lng: number }
}

/** A photo re-encoded from its pixels only. */
export type CleanImage = ExifFacts & {
  data: Buffer
  mime: ProofMime
  ext: string
  width: number
  height: number
}

const degrees = (parts: unknown, ref: unknown, negative: string) => {
  if (!Array.isArray(parts) || parts.length < 3 || !parts.every((n) => Number.isFinite(n))) {
    return undefined
  }
  const value = parts[0] + parts[1] / 60 + parts[2] / 3600
  return typeof ref === 'string' && ref.toUpperCase().startsWith(negative) ? -value : value
}

/** Manila is UTC+8 all year: the clock of a phone in the Philippines. */
const MANILA_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * EXIF times are the camera's wall clock with no zone (exif-reader reads them as UTC). The
 * offset tag says which zone when the phone wrote one; otherwise it is taken as Manila time,
 * or every fresh photo would look 8 hours newer than it is.
 */
const offsetMs = (offset: unknown) => {
  const m = typeof offset === 'string' ? /^([+-])(\d{2}):(\d{2})$/.exec(offset.trim()) : null
  if (!m) return MANILA_OFFSET_MS
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000
}

/** Capture time and GPS position from raw EXIF, when present and sane; never throws. */
export const readExifFacts = (exif: Buffer | undefined): ExifFacts => {
  if (!exif) return {}
  try {
    const tags = exifReader(exif) as {
      Photo?: {
        DateTimeOriginal?: Date
        DateTimeDigitized?: Date
        OffsetTimeOriginal?: string
        OffsetTimeDigitized?: string
      }
      Image?: { DateTime?: Date; OffsetTime?: string }
      GPSInfo?: Record<string, unknown>
    }
    const facts: ExifFacts = {}
    const [taken, offset] = tags.Photo?.DateTimeOriginal
      ? [tags.Photo.DateTimeOriginal, tags.Photo.OffsetTimeOriginal]
      : tags.Photo?.DateTimeDigitized
        ? [tags.Photo.DateTimeDigitized, tags.Photo.OffsetTimeDigitized]
        : [tags.Image?.DateTime, tags.Image?.OffsetTime]
    if (taken instanceof Date && !Number.isNaN(taken.getTime())) {
      facts.capturedAt = new Date(taken.getTime() - offsetMs(offset)).toISOString()
    }
    const gps = tags.GPSInfo
    if (gps) {
      const lat = degrees(gps.GPSLatitude, gps.GPSLatitudeRef, 'S')
      const lng = degrees(gps.GPSLongitude, gps.GPSLongitudeRef, 'W')
      if (lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
        facts.exifLocation = { lat, lng }
      }
    }
    return facts
  } catch {
    return {}
  }
}

/**
 * Turns an uploaded file into a safe photo, or refuses it with a message a person can act on:
 * the type is sniffed from the bytes (never the name or the Content-Type), the size and pixel
 * count are bounded before decoding, and the pixels are re-encoded so that nothing else
 * survives: no EXIF, no comments, no trailing HTML from a polyglot.
 */
export const sanitizeImage = async (input: Buffer): Promise<CleanImage> => {
  if (input.length > PROOF_MAX_BYTES) {
    throw new HttpError('The photo is larger than 8 MB. Send a smaller one.', 413)
  }
  const type = await fileTypeFromBuffer(input)
  const mime = type?.mime as ProofMime | undefined
  if (!mime || !(mime in PROOF_FORMATS)) {
    throw new HttpError('Send a photo as JPEG, PNG or WebP.', 400)
  }
  const format = PROOF_FORMATS[mime]
  let meta: Metadata
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata()
  } catch {
    throw new HttpError('This photo could not be read. Take it again.', 400)
  }
  if (meta.format !== format.sharp || !meta.width || !meta.height) {
    throw new HttpError('This photo could not be read. Take it again.', 400)
  }
  if (meta.width * meta.height > PROOF_MAX_PIXELS) {
    throw new HttpError(
      `The photo has ${meta.width}×${meta.height} pixels; send one of at most 40 megapixels.`,
      400,
    )
  }
  const facts = readExifFacts(meta.exif)
  try {
    // rotate() bakes the EXIF orientation into the pixels; sharp writes no metadata by default.
    const pipeline = sharp(input, { limitInputPixels: PROOF_MAX_PIXELS, failOn: 'error' }).rotate()
    const encoded =
      format.sharp === 'jpeg'
        ? pipeline.jpeg({ quality: 85 })
        : format.sharp === 'png'
          ? pipeline.png({ compressionLevel: 9 })
          : pipeline.webp({ quality: 85 })
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
    return { data, mime, ext: format.ext, width: info.width, height: info.height, ...facts }
  } catch {
    throw new HttpError('This photo could not be read. Take it again.', 400)
  }
}
