import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { readExifFacts } from './sanitizeImage'

const exifOf = async (tags: Record<string, string>) => {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
    .jpeg()
    .withExif({ IFD2: tags })
    .toBuffer()
  return (await sharp(jpeg).metadata()).exif
}

describe('readExifFacts capture time', () => {
  it('reads a capture time without a zone as Manila time (a photo just taken is not in the future)', async () => {
    const facts = readExifFacts(await exifOf({ DateTimeOriginal: '2026:11:20 08:30:00' }))
    expect(facts.capturedAt).toBe('2026-11-20T00:30:00.000Z')
  })

  it('follows the zone the phone wrote beside it', async () => {
    const tokyo = await exifOf({
      DateTimeOriginal: '2026:11:20 08:30:00',
      OffsetTimeOriginal: '+09:00',
    })
    expect(readExifFacts(tokyo).capturedAt).toBe('2026-11-19T23:30:00.000Z')
    const utc = await exifOf({
      DateTimeOriginal: '2026:11:20 08:30:00',
      OffsetTimeOriginal: '+00:00',
    })
    expect(readExifFacts(utc).capturedAt).toBe('2026-11-20T08:30:00.000Z')
  })
})
