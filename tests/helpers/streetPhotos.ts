import sharp from 'sharp'

/** A small deterministic random generator, so every run draws the same street. */
const rng = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}

/**
 * An SVG panorama of one street, 3000 × 1000: sky, a row of houses with windows and doors,
 * wires, trees, a road with a jeepney. The same `seed` is the same street.
 */
export const streetPanorama = (seed: number, { dusk = false, jeepneyAt = 0.4 } = {}) => {
  const rand = rng(seed)
  const w = 3000
  const h = 1000
  const parts: string[] = []
  const sky = dusk ? ['#f4a261', '#264653'] : ['#bde0fe', '#ffffff']
  parts.push(
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[1]}"/><stop offset="1" stop-color="${sky[0]}"/></linearGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="url(#sky)"/>`,
  )
  const palette = ['#e76f51', '#2a9d8f', '#e9c46a', '#8d99ae', '#f1faee', '#a8dadc', '#6d597a']
  for (let x = 0; x < w;) {
    const bw = 160 + rand() * 260
    const bh = 250 + rand() * 400
    const top = 720 - bh
    const colour = palette[Math.floor(rand() * palette.length)]
    parts.push(`<rect x="${x}" y="${top}" width="${bw}" height="${bh}" fill="${colour}"/>`)
    parts.push(
      `<polygon points="${x - 10},${top} ${x + bw / 2},${top - 40 - rand() * 80} ${x + bw + 10},${top}" fill="#5c3d2e"/>`,
    )
    for (let wy = top + 30; wy < 640; wy += 90) {
      for (let wx = x + 20; wx < x + bw - 50; wx += 70) {
        if (rand() < 0.75)
          parts.push(`<rect x="${wx}" y="${wy}" width="40" height="50" fill="#1d3557"/>`)
      }
    }
    parts.push(`<rect x="${x + bw / 2 - 25}" y="640" width="50" height="80" fill="#3d2b1f"/>`)
    if (rand() < 0.4) {
      const tx = x + bw + 10
      parts.push(`<rect x="${tx}" y="560" width="16" height="160" fill="#6b4226"/>`)
      parts.push(`<circle cx="${tx + 8}" cy="540" r="${50 + rand() * 30}" fill="#2d6a4f"/>`)
    }
    x += bw + 20 + rand() * 60
  }
  parts.push(`<rect y="720" width="${w}" height="${h - 720}" fill="#495057"/>`)
  for (let x = 0; x < w; x += 200)
    parts.push(`<rect x="${x}" y="850" width="110" height="12" fill="#f8f9fa"/>`)
  parts.push(
    `<path d="M0 120 Q ${w / 2} 220 ${w} 110" stroke="#111" stroke-width="4" fill="none"/>`,
  )
  const jx = jeepneyAt * w
  parts.push(
    `<rect x="${jx}" y="740" width="360" height="150" rx="20" fill="#d62828"/>`,
    `<rect x="${jx + 30}" y="760" width="300" height="50" fill="#caf0f8"/>`,
    `<circle cx="${jx + 70}" cy="895" r="32" fill="#111"/><circle cx="${jx + 290}" cy="895" r="32" fill="#111"/>`,
  )
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${parts.join('')}</svg>`,
  )
}

/** A 1200 × 900 JPEG "photo" of the panorama, looking at it from `left` (0–1800 px). */
export const streetPhoto = async (panorama: Buffer, left: number) =>
  sharp(panorama)
    .extract({ left, top: 50, width: 1200, height: 900 })
    .jpeg({ quality: 90 })
    .toBuffer()

/** The ways a cheat copies a photo: smaller, recompressed harder, or trimmed at the edges. */
export const copies = async (photo: Buffer) => {
  const { width = 0, height = 0 } = await sharp(photo).metadata()
  const crop = (fraction: number) =>
    sharp(photo)
      .extract({
        left: Math.round(width * fraction),
        top: Math.round(height * fraction),
        width: Math.round(width * (1 - 2 * fraction)),
        height: Math.round(height * (1 - 2 * fraction)),
      })
      .jpeg({ quality: 85 })
      .toBuffer()
  return {
    resized: await sharp(photo).resize(480).jpeg({ quality: 85 }).toBuffer(),
    recompressed: await sharp(photo).jpeg({ quality: 25 }).toBuffer(),
    cropped: await crop(0.04),
    croppedAndResized: await sharp(await crop(0.03))
      .resize(800)
      .webp({ quality: 70 })
      .toBuffer(),
  }
}
