/**
 * Renders the app icons from client/public/icons/icon.svg (run after changing the SVG):
 * `npx tsx client/scripts/icons.ts`. The PNGs are committed; the build does not need sharp.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icons')
const svg = path.join(dir, 'icon.svg')

for (const size of [192, 512]) {
  await sharp(svg, { density: 300 })
    .resize(size, size)
    .png()
    .toFile(path.join(dir, `icon-${size}.png`))
}
// Maskable: the launcher may crop to a circle, so the artwork sits inside the safe zone.
const inner = await sharp(svg, { density: 300 }).resize(384, 384).png().toBuffer()
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#0b6e4f' } })
  .composite([{ input: inner, gravity: 'center' }])
  .png()
  .toFile(path.join(dir, 'icon-maskable-512.png'))
console.log('icons written to', dir)
