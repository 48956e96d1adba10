import { shrink } from './shrink'

const onMainThread = async (file: Blob) => {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  return shrink(
    bitmap,
    (w, h) => Object.assign(document.createElement('canvas'), { width: w, height: h }),
    (canvas, quality) =>
      new Promise<Blob>((resolve, reject) =>
        (canvas as HTMLCanvasElement).toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))),
          'image/jpeg',
          quality,
        ),
      ),
  )
}

/**
 * A camera photo made ready for upload: at most 1600 px and about 400 KB, as JPEG. Done in a
 * worker with OffscreenCanvas where the browser has it, on the main thread otherwise.
 */
export const preparePhoto = async (file: Blob): Promise<Blob> => {
  if (typeof OffscreenCanvas !== 'undefined' && typeof Worker !== 'undefined') {
    try {
      const worker = new Worker(new URL('../workers/resize.ts', import.meta.url), {
        type: 'module',
      })
      const result = await new Promise<{ blob?: Blob; error?: string }>((resolve) => {
        worker.onmessage = (event) => resolve(event.data)
        worker.onerror = () => resolve({ error: 'worker failed' })
        worker.postMessage(file)
      })
      worker.terminate()
      if (result.blob) return result.blob
    } catch {
      // fall through to the main thread
    }
  }
  return onMainThread(file)
}
