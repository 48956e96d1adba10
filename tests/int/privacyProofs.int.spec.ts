import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { api } from '../helpers/api'
import {
  createOrganization,
  createTask,
  giveConsent,
  REQUIRED_CONSENTS,
  signInResident,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { startTestServer, type TestServer } from '../helpers/testServer'
import { exportCoverage } from '../../src/privacy/exportCoverage'
import { runRetention } from '../../src/privacy/retention'

type Resident = Awaited<ReturnType<typeof signInResident>>

const jpeg = (background = '#336699') =>
  sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .jpeg()
    .toBuffer()

/** A JPEG whose EXIF says where it was taken. */
const gpsJpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } })
    .jpeg()
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '14/1 39/1 2/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 6/1 10/1',
      },
    })
    .toBuffer()

const call = async (base: string, method: string, url: string, token: string, body?: unknown) => {
  const res = await fetch(new URL(url, base), {
    method,
    headers: {
      authorization: `JWT ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: any = text
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed }
}

const upload = async (base: string, token: string, bytes: Buffer) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'IMG_0001.jpg')
  const res = await fetch(`${base}/api/proofs`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
    body: form,
  })
  return { status: res.status, body: await res.json().catch(() => undefined) }
}

const walk = async (at: string): Promise<string[]> => {
  const entries = await fs.readdir(at, { withFileTypes: true }).catch(() => [])
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? walk(path.join(at, e.name)) : [path.join(at, e.name)])),
  )
  return nested.flat()
}

/** Where each storage keeps proof files, as a list of stored file paths. */
type Storage = { base: string; storedPaths: () => Promise<string[]> }

const diskStorage = async (): Promise<Storage> => ({
  base: inject('baseUrl'),
  storedPaths: () => walk(path.join(path.dirname(inject('serverLog')), 'proofs')),
})

let s3: S3rver | undefined
let s3Server: TestServer | undefined

const s3Storage = async (): Promise<Storage> => {
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
  return { base: s3Server.url, storedPaths: () => walk(dir) }
}

afterAll(async () => {
  await s3Server?.stop()
  await s3?.close()
})

/** Paths of stored files that belong to a proof (its file and its thumbnail). */
const filesOf = (paths: string[], filename: string) => {
  const stem = filename.replace(/\.[a-z]+$/, '')
  return paths.filter((p) => p.includes(stem))
}

const photoTask = async (orgId: number) =>
  createTask(orgId, {
    fields: [{ name: 'pic', label: 'A photo of it', type: 'photo', required: true }],
  })

describe.each([
  ['local disk', diskStorage],
  ['S3', s3Storage],
] as const)('a resident’s photos on %s, through export and erasure', (_name, setup) => {
  let storage: Storage
  let ana: Resident
  let other: Resident
  let orgId: number
  let proof: { id: number; filename: string }
  let submissionId: number

  beforeAll(async () => {
    storage = await setup()
    orgId = (await createOrganization()).org.id
    ana = await signInResident({ consents: [...REQUIRED_CONSENTS, 'photos'] })
    other = await signInResident({ consents: [...REQUIRED_CONSENTS, 'photos'] })
    const up = await upload(storage.base, ana.token, await jpeg())
    expect(up.status, JSON.stringify(up.body)).toBe(201)
    const task = await photoTask(orgId)
    const sub = await call(storage.base, 'POST', '/api/submissions', ana.token, {
      task: task.id,
      answers: { pic: up.body.doc.id },
    })
    expect(sub.status, JSON.stringify(sub.body)).toBe(201)
    submissionId = sub.body.doc.id
    const payload = await localPayload()
    const row = await payload.findByID({ collection: 'proofs', id: up.body.doc.id, depth: 0 })
    proof = { id: row.id, filename: row.filename! }
    // The scoring job hashes proof photos; make sure there is a hash row to erase.
    const hashed = await payload.count({
      collection: 'photo-hashes',
      where: { resident: { equals: ana.id } },
    })
    if (!hashed.totalDocs) {
      await payload.create({
        collection: 'photo-hashes',
        data: {
          submission: submissionId,
          resident: ana.id,
          hash: '0123456789abcdef',
          band0: 0x0123,
          band1: 0x4567,
          band2: 0x89ab,
          band3: 0xcdef,
        },
      })
    }
  }, 240_000)

  it('exports the resident’s proofs as links only they (and the task’s staff) can open', async () => {
    const res = await call(storage.base, 'GET', '/api/residents/me/export', ana.token)
    expect(res.status).toBe(200)
    const proofs = res.body.collections.proofs
    expect(proofs).toHaveLength(1)
    // With a proof and its photo hash, their collections' fields are checked too (the privacy
    // spec checks the rest, with a paid reward).
    const payload = await localPayload()
    const report = exportCoverage(payload.config, res.body.collections)
    expect(report.missingFromExport).toEqual([])
    expect(report.unchecked).not.toContain('proofs')
    expect(report.unchecked).not.toContain('photo-hashes')
    expect(proofs[0].id).toBe(proof.id)
    // The access-checked file URL (on S3 it names the key's prefix too).
    const link: string = proofs[0].url
    expect(link.startsWith(`/api/proofs/file/${proof.filename}`)).toBe(true)
    const own = await fetch(new URL(link, storage.base), {
      headers: { authorization: `JWT ${ana.token}` },
    })
    expect(own.status).toBe(200)
    expect(own.headers.get('content-type')).toMatch(/^image\//)
    const stranger = await fetch(new URL(link, storage.base), {
      headers: { authorization: `JWT ${other.token}` },
    })
    expect([403, 404]).toContain(stranger.status)
    const anonymous = await fetch(new URL(link, storage.base))
    expect([401, 403, 404]).toContain(anonymous.status)
  })

  it('erases the proof files from storage and the photo hashes with them', async () => {
    const payload = await localPayload()
    expect(filesOf(await storage.storedPaths(), proof.filename).length).toBeGreaterThan(0)
    const res = await call(storage.base, 'DELETE', '/api/residents/me', ana.token)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(filesOf(await storage.storedPaths(), proof.filename)).toEqual([])
    const left = async (collection: 'proofs' | 'photo-hashes') =>
      (await payload.count({ collection, where: { resident: { equals: ana.id } } })).totalDocs
    expect(await left('proofs')).toBe(0)
    expect(await left('photo-hashes')).toBe(0)
    const sub = await payload.findByID({ collection: 'submissions', id: submissionId, depth: 0 })
    expect(sub.answers).toEqual({ pic: null })
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'resident.erased' }, entityId: { equals: String(ana.id) } },
    })
    expect(docs[0].data).toMatchObject({ proofs: 1, photoHashes: 1 })
  })
})

describe('photo consent at upload, and proofs under retention', () => {
  let orgId: number

  beforeAll(async () => {
    orgId = (await createOrganization()).org.id
  })

  it('refuses a photo upload without photo consent, saying whether it was withdrawn', async () => {
    const base = inject('baseUrl')
    const never = await signInResident()
    const refused = await upload(base, never.token, await jpeg())
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data).toEqual({
      missing: ['photos'],
      reason: 'consent-not-given',
    })
    const ben = await signInResident({ consents: [...REQUIRED_CONSENTS, 'photos'] })
    expect((await upload(base, ben.token, await jpeg())).status).toBe(201)
    await giveConsent(ben.token, ['photos'], false)
    const payload = await localPayload()
    const before = await payload.count({
      collection: 'proofs',
      where: { resident: { equals: ben.id } },
    })
    const withdrawn = await upload(base, ben.token, await jpeg())
    expect(withdrawn.status).toBe(403)
    expect(withdrawn.body.errors[0].data).toEqual({
      missing: ['photos'],
      reason: 'consent-withdrawn',
    })
    expect(withdrawn.body.errors[0].message).toContain('You withdrew your consent to photos')
    const after = await payload.count({
      collection: 'proofs',
      where: { resident: { equals: ben.id } },
    })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it('keeps a photo’s EXIF position only with location consent', async () => {
    const base = inject('baseUrl')
    const payload = await localPayload()
    const exifLat = async (resident: Resident) => {
      const up = await upload(base, resident.token, await gpsJpeg())
      expect(up.status, JSON.stringify(up.body)).toBe(201)
      const row = await payload.findByID({ collection: 'proofs', id: up.body.doc.id })
      return row.exifLocation?.lat ?? null
    }
    const without = await signInResident({ consents: [...REQUIRED_CONSENTS, 'photos'] })
    expect(await exifLat(without)).toBeNull()
    const located = await signInResident({
      consents: [...REQUIRED_CONSENTS, 'photos', 'location'],
    })
    expect(await exifLat(located)).toBeCloseTo(14.65, 1)
  })

  it('deletes rejected submissions’ photos and never-used uploads after their periods', async () => {
    const base = inject('baseUrl')
    const payload = await localPayload()
    const cy = await signInResident({ consents: [...REQUIRED_CONSENTS, 'photos'] })
    const send = async () => {
      const up = await upload(base, cy.token, await jpeg('#225577'))
      expect(up.status).toBe(201)
      const sub = await api('POST', '/api/submissions', {
        token: cy.token,
        body: { task: (await photoTask(orgId)).id, answers: { pic: up.body.doc.id } },
      })
      expect(sub.status, JSON.stringify(sub.body)).toBe(201)
      return { proofId: up.body.doc.id as number, submissionId: sub.body.doc.id as number }
    }
    const day = 24 * 60 * 60 * 1000
    // Arranged: one submission rejected 40 days ago, one 5 days ago, one still waiting.
    const oldReject = await send()
    const newReject = await send()
    const waiting = await send()
    // A decision changes only under the review guard's flag (see src/migrations/sql/review.ts).
    const client = await (payload.db as any).pool.connect()
    try {
      await client.query('BEGIN')
      await client.query(`SELECT set_config('bayanet.decision', 'on', true)`)
      for (const [{ submissionId }, ago] of [
        [oldReject, 40 * day],
        [newReject, 5 * day],
      ] as const) {
        await client.query(
          `UPDATE submissions SET status = 'rejected', reviewed_at = $2 WHERE id = $1`,
          [submissionId, new Date(Date.now() - ago).toISOString()],
        )
      }
      await client.query('COMMIT')
    } finally {
      client.release()
    }
    // And two uploads never used by a submission: one 10 days old, one from today.
    const unusedOld = (await upload(base, cy.token, await jpeg('#aa0000'))).body.doc.id as number
    const unusedNew = (await upload(base, cy.token, await jpeg('#00aa00'))).body.doc.id as number
    await payload.db.updateOne({
      collection: 'proofs',
      id: unusedOld,
      data: { createdAt: new Date(Date.now() - 10 * day).toISOString() },
    })
    const filenames = new Map<number, string>()
    for (const id of [
      oldReject.proofId,
      newReject.proofId,
      waiting.proofId,
      unusedOld,
      unusedNew,
    ]) {
      filenames.set(id, (await payload.findByID({ collection: 'proofs', id })).filename!)
    }
    const stored = () => walk(path.join(path.dirname(inject('serverLog')), 'proofs'))
    expect(filesOf(await stored(), filenames.get(oldReject.proofId)!).length).toBeGreaterThan(0)

    // Retention runs here through the Local API: point its proofs at the host's folder, so the
    // files it deletes are the host's.
    const uploads = payload.collections.proofs.config.upload as { staticDir?: string }
    uploads.staticDir = path.join(path.dirname(inject('serverLog')), 'proofs')
    const result = await runRetention(payload, {
      periods: { otpHours: 24, ipDays: 30, rejectedPhotoDays: 30, unusedPhotoDays: 7 },
    })
    expect(result).toMatchObject({ skipped: false, rejectedPhotos: 1, unusedPhotos: 1 })
    const exists = async (id: number) =>
      (await payload.count({ collection: 'proofs', where: { id: { equals: id } } })).totalDocs === 1
    expect(await exists(oldReject.proofId)).toBe(false)
    expect(await exists(unusedOld)).toBe(false)
    for (const id of [newReject.proofId, waiting.proofId, unusedNew]) {
      expect(await exists(id)).toBe(true)
    }
    const files = await stored()
    expect(filesOf(files, filenames.get(oldReject.proofId)!)).toEqual([])
    expect(filesOf(files, filenames.get(unusedOld)!)).toEqual([])
    expect(filesOf(files, filenames.get(newReject.proofId)!).length).toBeGreaterThan(0)
  })
})
