import type { Express } from 'express'

import { MARK_SVG } from '../admin/brand/mark'

let ico: Promise<Buffer> | undefined

/** A one-image .ico holding a 32×32 PNG of the mark (browsers accept PNG inside ICO). */
const buildIco = async () => {
  // Loaded on first request: the host answers /healthz before heavy modules load.
  const { default: sharp } = await import('sharp')
  const png = await sharp(Buffer.from(MARK_SVG)).resize(32, 32).png().toBuffer()
  const header = Buffer.alloc(22)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(1, 4) // one image
  header.writeUInt8(32, 6) // width
  header.writeUInt8(32, 7) // height
  header.writeUInt16LE(1, 10) // colour planes
  header.writeUInt16LE(32, 12) // bits per pixel
  header.writeUInt32LE(png.length, 14)
  header.writeUInt32LE(22, 18) // offset of the image
  return Buffer.concat([header, png])
}

/**
 * `/favicon.ico` and `/favicon.svg`: Bayanet's mark for the admin and any page that has no icon
 * of its own. Mounted after the resident app's static files, so the app can ship its own.
 */
export const serveFavicon = (app: Express) => {
  app.get('/favicon.svg', (_req, res) => {
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(MARK_SVG)
  })
  app.get('/favicon.ico', async (_req, res, next) => {
    try {
      ico ??= buildIco()
      res
        .type('image/x-icon')
        .set('Cache-Control', 'public, max-age=86400')
        .send(await ico)
    } catch (err) {
      next(err)
    }
  })
}
