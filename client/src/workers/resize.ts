/// <reference lib="webworker" />
import { shrink } from '../lib/shrink'

/** Resizes photos off the main thread, so the form stays responsive on a slow phone. */
self.onmessage = async (event: MessageEvent<Blob>) => {
  try {
    const bitmap = await createImageBitmap(event.data, { imageOrientation: 'from-image' })
    const blob = await shrink(
      bitmap,
      (w, h) => new OffscreenCanvas(w, h),
      (canvas, quality) =>
        (canvas as OffscreenCanvas).convertToBlob({ type: 'image/jpeg', quality }),
    )
    postMessage({ blob })
  } catch (err) {
    postMessage({ error: String(err) })
  }
}
