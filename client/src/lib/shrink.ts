/** The longest side a proof photo keeps; enough to read a sign, small enough for 3G. */
export const MAX_SIDE = 1600
/** Aim for about this many bytes. */
export const TARGET_BYTES = 400 * 1024

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement

/**
 * Draws `bitmap` at most MAX_SIDE px on its longest side and encodes it as JPEG, lowering the
 * quality (then the size) until it is about TARGET_BYTES. Re-encoding also drops EXIF.
 */
export const shrink = async (
  bitmap: ImageBitmap,
  makeCanvas: (w: number, h: number) => AnyCanvas,
  encode: (canvas: AnyCanvas, quality: number) => Promise<Blob>,
) => {
  let scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
  let blob: Blob | undefined
  for (let attempt = 0; attempt < 6; attempt++) {
    const w = Math.max(1, Math.round(bitmap.width * scale))
    const h = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = makeCanvas(w, h)
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | null
    if (!ctx) throw new Error('no 2d canvas')
    ctx.drawImage(bitmap, 0, 0, w, h)
    for (const quality of [0.82, 0.7, 0.6]) {
      blob = await encode(canvas, quality)
      if (blob.size <= TARGET_BYTES) return blob
    }
    scale *= 0.8
  }
  return blob!
}
