import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { api } from '../helpers/api'
import { createOrganization, createTask, giveConsent, signInResident } from '../helpers/fixtures'
import { startTestServer, type TestServer } from '../helpers/testServer'

type Resident = Awaited<ReturnType<typeof signInResident>>
type Org = Awaited<ReturnType<typeof createOrganization>>

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const pngChunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), 8 + data.length)
  return out
}

/** A PNG that claims 20,000 × 20,000 pixels (400 MP) in a few dozen bytes. */
const pixelBomb = () => {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(20_000, 0)
  ihdr.writeUInt32BE(20_000, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

const photo = (background = '#336699') =>
  sharp({ create: { width: 64, height: 48, channels: 3, background } }).jpeg()

/** A JPEG carrying its camera, capture time and GPS position in EXIF. */
const gpsJpeg = () =>
  photo()
    .withExif({
      IFD0: { Make: 'BayanetCam', DateTime: '2026:11:20 08:30:00' },
      IFD2: { DateTimeOriginal: '2026:11:20 08:30:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '14/1 39/1 2/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 6/1 10/1',
      },
    })
    .toBuffer()

const HTML = '<html><body><script>alert(document.cookie)</script></body></html>'

/** Everything a hostile or careless client might send, and what must come of it. */
const corpus = async () => [
  {
    name: 'SVG with script',
    bytes: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
    filename: 'cat.svg',
    type: 'image/svg+xml',
    expect: 400,
  },
  {
    name: 'XML',
    bytes: Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ),
    filename: 'photo.xml',
    type: 'application/xml',
    expect: 400,
  },
  {
    name: 'JPEG/HTML polyglot',
    bytes: Buffer.concat([await photo().toBuffer(), Buffer.from(HTML)]),
    filename: 'poly.jpg',
    type: 'image/jpeg',
    expect: 201,
  },
  {
    name: 'HTML named .jpg',
    bytes: Buffer.from(HTML),
    filename: 'x.jpg',
    type: 'image/jpeg',
    expect: 400,
  },
  {
    name: '20000×20000 bomb',
    bytes: pixelBomb(),
    filename: 'bomb.png',
    type: 'image/png',
    expect: 400,
  },
  {
    name: 'spoofed Content-Type',
    bytes: Buffer.from(HTML),
    filename: 'photo.png',
    type: 'image/png',
    expect: 400,
  },
  {
    name: '9 MB',
    bytes: Buffer.concat([await photo().toBuffer(), Buffer.alloc(9 * 1024 * 1024, 7)]),
    filename: 'big.jpg',
    type: 'image/jpeg',
    expect: 413,
  },
  {
    name: 'JPEG with GPS EXIF',
    bytes: await gpsJpeg(),
    filename: 'IMG_0001.jpg',
    type: 'image/jpeg',
    expect: 201,
  },
]

const upload = async (
  base: string,
  token: string | undefined,
  { bytes, filename, type }: { bytes: Buffer; filename: string; type: string },
) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  const res = await fetch(`${base}/api/proofs`, {
    method: 'POST',
    headers: token ? { authorization: `JWT ${token}` } : {},
    body: form,
  })
  const text = await res.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // keep the text
  }
  return { status: res.status, body }
}

const get = (base: string, url: string, token?: string) =>
  fetch(new URL(url, base), { headers: token ? { authorization: `JWT ${token}` } : {} })

/** Marks of metadata or markup that must never survive in a stored proof. */
const LEAKS = ['Exif', 'BayanetCam', '<script', '<html', 'GPS']

const leaksIn = (bytes: Buffer) => LEAKS.filter((mark) => bytes.includes(Buffer.from(mark)))

const storages: [string, () => Promise<{ base: string; storedFiles: () => Promise<Buffer[]> }>][] =
  [
    ['local disk', async () => ({ base: inject('baseUrl'), storedFiles: async () => [] })],
    [
      'S3',
      async () => {
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bayanet-s3rver-'))
        s3 = new S3rver({
          address: '127.0.0.1',
          port: 0,
          silent: true,
          directory: dir,
          configureBuckets: [{ name: 'bayanet-proofs', configs: [] }],
        })
        const { port } = (await s3.run()) as { port: number }
        s3Server = await startTestServer({
          DATABASE_URL: inject('databaseUrl'),
          PAYLOAD_SECRET: inject('payloadSecret'),
          S3_BUCKET: 'bayanet-proofs',
          S3_ENDPOINT: `http://127.0.0.1:${port}`,
          S3_REGION: 'us-east-1',
          S3_ACCESS_KEY_ID: 'S3RVER',
          S3_SECRET_ACCESS_KEY: 'S3RVER',
          S3_FORCE_PATH_STYLE: 'true',
          SUBMISSIONS_PER_DAY: '1000',
        })
        const walk = async (at: string): Promise<string[]> => {
          const entries = await fs.readdir(at, { withFileTypes: true })
          const nested = await Promise.all(
            entries.map((e) =>
              e.isDirectory() ? walk(path.join(at, e.name)) : [path.join(at, e.name)],
            ),
          )
          return nested.flat()
        }
        return {
          base: s3Server.url,
          storedFiles: async () => {
            const files = (await walk(dir)).filter((f) => f.endsWith('._S3rver_object'))
            return Promise.all(files.map((f) => fs.readFile(f)))
          },
        }
      },
    ],
  ]

let s3: S3rver | undefined
let s3Server: TestServer | undefined

afterAll(async () => {
  await s3Server?.stop()
  await s3?.close()
})

describe.each(storages)('photo proofs on %s', (_storage, setup) => {
  let base: string
  let storedFiles: () => Promise<Buffer[]>
  let owner: Resident
  let stranger: Resident
  let lgu: Org

  beforeAll(async () => {
    ;({ base, storedFiles } = await setup())
    owner = await signInResident()
    stranger = await signInResident()
    // Uploading a photo needs the photo consent besides the defaults; keeping where the photo
    // was taken (its EXIF position) needs location consent too.
    await giveConsent(owner.token, ['photos', 'location'])
    await giveConsent(stranger.token, ['photos'])
    lgu = await createOrganization('lgu')
  }, 240_000)

  it('accepts only real photos, re-encoded with no EXIF, GPS or markup left', async () => {
    const results: string[] = []
    let dangerousAccepted = 0
    let leaks = 0
    for (const item of await corpus()) {
      const res = await upload(base, owner.token, item)
      results.push(`${item.name}: ${res.status}`)
      expect(res.status, `${item.name}: ${JSON.stringify(res.body)}`).toBe(item.expect)
      if (res.status !== 201) {
        expect(res.body.errors?.[0]?.message).toBeTruthy()
        continue
      }
      if (item.expect !== 201) dangerousAccepted++
      const { doc } = res.body
      expect(doc.mimeType).toBe('image/jpeg')
      expect(doc.url).toMatch(/^\/api\/proofs\/file\/[0-9a-f-]{36}\.jpg(\?prefix=proofs)?$/)
      expect(doc.url).not.toContain(item.filename)
      const file = await get(base, doc.url, owner.token)
      expect(file.status).toBe(200)
      expect(file.headers.get('x-content-type-options')).toBe('nosniff')
      expect(file.headers.get('content-type')).toBe('image/jpeg')
      const bytes = Buffer.from(await file.arrayBuffer())
      leaks += leaksIn(bytes).length
      expect(leaksIn(bytes), item.name).toEqual([])
      const thumb = await get(base, doc.thumbnailUrl, owner.token)
      expect(thumb.status).toBe(200)
      leaks += leaksIn(Buffer.from(await thumb.arrayBuffer())).length
      if (item.name === 'JPEG with GPS EXIF') {
        // 08:30 on a phone in Manila (EXIF has no zone here).
        expect(doc.capturedAt).toBe('2026-11-20T00:30:00.000Z')
        const stored = await api('GET', `/api/proofs/${doc.id}`, { token: owner.token })
        expect(stored.body.exifLocation.lat).toBeCloseTo(14 + 39 / 60 + 2 / 3600, 5)
        expect(stored.body.exifLocation.lng).toBeCloseTo(121 + 6 / 60 + 10 / 3600, 5)
        // The stored pixels' perceptual hash, for scoring's near-duplicate index.
        expect(stored.body.phash).toMatch(/^[0-9a-f]{16}$/)
      }
    }
    for (const bytes of await storedFiles()) leaks += leaksIn(bytes).length
    console.log(
      `[proofs ${_storage}] ${results.join('; ')} → dangerous accepted ${dangerousAccepted}, EXIF/GPS/markup in stored bytes ${leaks}`,
    )
    expect(dangerousAccepted).toBe(0)
    expect(leaks).toBe(0)
  })

  it('serves a proof to its resident and the task’s staff only', async () => {
    const up = await upload(base, owner.token, {
      bytes: await photo('#aa3300').toBuffer(),
      filename: 'lamp.jpg',
      type: 'image/jpeg',
    })
    expect(up.status).toBe(201)
    const { id, url } = up.body.doc
    const other = await createOrganization('lgu')
    for (const token of [stranger.token, undefined, lgu.reviewer.token, other.reviewer.token]) {
      const res = await get(base, url, token)
      expect([403, 404], `file for ${token ? 'someone else' : 'anonymous'}`).toContain(res.status)
      const doc = await fetch(`${base}/api/proofs/${id}`, {
        headers: token ? { authorization: `JWT ${token}` } : {},
      })
      expect([403, 404]).toContain(doc.status)
    }

    const task = await createTask(lgu.org.id, {
      fields: [{ name: 'lamp', label: 'Photo of the lamp', type: 'photo', required: true }],
    })
    const theirs = await fetch(`${base}/api/submissions`, {
      method: 'POST',
      headers: { authorization: `JWT ${stranger.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ task: task.id, answers: {}, proof: id }),
    })
    expect(theirs.status).toBe(400)
    expect((await theirs.json()).errors[0].message).toMatch(/not one you uploaded/)

    const mine = await fetch(`${base}/api/submissions`, {
      method: 'POST',
      headers: { authorization: `JWT ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ task: task.id, answers: {}, proof: id }),
    })
    const submitted = await mine.json()
    expect(mine.status, JSON.stringify(submitted)).toBe(201)
    expect(submitted.doc.answers).toEqual({ lamp: id })

    expect((await get(base, url, lgu.reviewer.token)).status).toBe(200)
    expect((await get(base, url, lgu.manager.token)).status).toBe(200)
    expect([403, 404]).toContain((await get(base, url, other.reviewer.token)).status)
    expect([403, 404]).toContain((await get(base, url, stranger.token)).status)

    const again = await fetch(`${base}/api/submissions`, {
      method: 'POST',
      headers: { authorization: `JWT ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        task: (await createTask(lgu.org.id)).id,
        answers: { note: 'x' },
        proof: id,
      }),
    })
    expect(again.status).toBe(409)
  })

  it('refuses uploads from anyone but a signed-in resident', async () => {
    const bytes = await photo().toBuffer()
    const file = { bytes, filename: 'a.jpg', type: 'image/jpeg' }
    expect((await upload(base, undefined, file)).status).toBe(401)
    expect((await upload(base, lgu.reviewer.token, file)).status).toBe(403)
  })

  it('answers odd proof requests with a 4xx, never a 500', async () => {
    const auth = { authorization: `JWT ${owner.token}` }
    const statuses: Record<string, number> = {}
    const wrongField = new FormData()
    wrongField.append('photo', new Blob([new Uint8Array(await photo().toBuffer())]), 'a.jpg')
    statuses['multipart without "file"'] = (
      await fetch(`${base}/api/proofs`, { method: 'POST', headers: auth, body: wrongField })
    ).status
    statuses['JSON instead of multipart'] = (
      await fetch(`${base}/api/proofs`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ file: 'x' }),
      })
    ).status
    statuses['empty file'] = (
      await upload(base, owner.token, {
        bytes: Buffer.alloc(0),
        filename: 'e.jpg',
        type: 'image/jpeg',
      })
    ).status
    statuses['unknown file name'] = (
      await get(base, '/api/proofs/file/nothing.jpg', owner.token)
    ).status
    statuses['path traversal'] = (
      await get(base, '/api/proofs/file/..%2F..%2Fpackage.json', owner.token)
    ).status
    const up = await upload(base, owner.token, {
      bytes: await photo('#123456').toBuffer(),
      filename: 'b.jpg',
      type: 'image/jpeg',
    })
    expect(up.status).toBe(201)
    statuses['owner edits a proof'] = (
      await fetch(`${base}/api/proofs/${up.body.doc.id}`, {
        method: 'PATCH',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ phash: '0000000000000000' }),
      })
    ).status
    statuses['owner deletes a proof'] = (
      await fetch(`${base}/api/proofs/${up.body.doc.id}`, { method: 'DELETE', headers: auth })
    ).status
    for (const proof of ['abc', 999_999_999, -1, { id: 'x' }]) {
      statuses[`submission with proof ${JSON.stringify(proof)}`] = (
        await fetch(`${base}/api/submissions`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            task: (await createTask(lgu.org.id)).id,
            answers: { note: 'x' },
            proof,
          }),
        })
      ).status
    }
    for (const [what, status] of Object.entries(statuses)) {
      expect(status, what).toBeGreaterThanOrEqual(400)
      expect(status, what).toBeLessThan(500)
    }
  })
})
