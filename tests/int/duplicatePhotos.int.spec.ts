import { describe, expect, it } from 'vitest'

import { perceptualHash } from '../../src/lib/scoring/phash'
import {
  findNearDuplicates,
  indexPhotoHash,
  NEAR_DUPLICATE_DISTANCE,
  scanNearDuplicates,
} from '../../src/lib/scoring/nearDuplicates'
import { api } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { copies, streetPanorama, streetPhoto } from '../helpers/streetPhotos'

/** Files one real submission, so the photo index has a submission to point at. */
const submit = async (taskId: number, token: string) => {
  const res = await api('POST', '/api/submissions', {
    token,
    body: { task: taskId, answers: { note: 'photo' } },
  })
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body.doc.id as number
}

describe('near-duplicate photos', () => {
  it('finds resized, recompressed and slightly cropped copies, but not other photos of the same street', async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, { caps: { perResident: 20 } })
    const first = await signInResident()
    const cheat = await signInResident()

    const panorama = streetPanorama(11)
    const original = await streetPhoto(panorama, 600)
    const originalId = await submit(task.id, first.token)
    await indexPhotoHash(payload, {
      submission: originalId,
      resident: first.id,
      hash: await perceptualHash(original),
    })

    for (const [how, copy] of Object.entries(await copies(original))) {
      const hash = await perceptualHash(copy)
      const found = await findNearDuplicates(payload, hash)
      expect(
        found.map((m) => m.submission),
        how,
      ).toContain(originalId)
      const match = found.find((m) => m.submission === originalId)!
      expect(match.distance, how).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE)
      expect(match.resident).toBe(first.id)
      // The index answers exactly what reading every row would.
      expect(await scanNearDuplicates(payload, hash), how).toEqual(found)
    }

    const sameStreet = {
      'panned left': await streetPhoto(panorama, 450),
      'panned right': await streetPhoto(panorama, 750),
      'at dusk, the jeepney moved': await streetPhoto(
        streetPanorama(11, { dusk: true, jeepneyAt: 0.55 }),
        600,
      ),
      'another street': await streetPhoto(streetPanorama(12), 600),
    }
    for (const [how, photo] of Object.entries(sameStreet)) {
      const found = await findNearDuplicates(payload, await perceptualHash(photo))
      expect(
        found.map((m) => m.submission),
        how,
      ).not.toContain(originalId)
    }

    // A copy, once indexed, is found from the original too — but never as its own duplicate.
    const copyId = await submit(task.id, cheat.token)
    const copyHash = await perceptualHash((await copies(original)).cropped)
    await indexPhotoHash(payload, { submission: copyId, resident: cheat.id, hash: copyHash })
    await indexPhotoHash(payload, { submission: copyId, resident: cheat.id, hash: copyHash })
    const fromCopy = await findNearDuplicates(payload, copyHash, { exceptSubmission: copyId })
    expect(fromCopy.map((m) => m.submission)).toEqual([originalId])
  })
})
