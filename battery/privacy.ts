/**
 * `npm run battery:privacy`: one resident's whole life on a fresh server (sign-in, consent,
 * a located free-text submission, an approved reward, export, erasure), then prints
 *   - fields missing from the export (checked against the Payload config and DATA_MAP),
 *   - personal data left anywhere in the database, and photo files on disk, after erasure,
 *   - phone numbers, JWTs or codes found in the server's log.
 * Exits 1 when any count is not zero.
 */
import { randomBytes, randomInt } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { getPayload } from 'payload'
import sharp from 'sharp'

import { projectRoot } from '../src/env'
import { adminBuildIsCurrent, buildAdmin } from '../src/lib/adminBuild'
import { exportCoverage } from '../src/privacy/exportCoverage'
import { scanLogFiles } from '../src/privacy/logScan'
import { findResidue, phoneSpellings } from '../src/privacy/residue'
import { createTestDatabase } from '../tests/helpers/testDatabase'
import { startTestServer } from '../tests/helpers/testServer'

const SECRET = `battery-${randomBytes(16).toString('hex')}`

const main = async () => {
  const database = await createTestDatabase()
  if (!(await adminBuildIsCurrent(projectRoot))) await buildAdmin(projectRoot)
  const server = await startTestServer({ DATABASE_URL: database.url, PAYLOAD_SECRET: SECRET })
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET = SECRET
  process.env.DATABASE_POOL_MAX = '3'
  const { default: config } = await import('../src/payload.config')
  const payload = await getPayload({ config, key: 'bayanet-battery' })
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    const json = text ? JSON.parse(text) : undefined
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${text}`)
    return json
  }
  let exitCode = 0
  try {
    const org = await payload.create({
      collection: 'organizations',
      data: { name: 'Battery LGU', kind: 'lgu' },
    })
    const email = `reviewer-${randomBytes(3).toString('hex')}@battery.local`
    const password = randomBytes(12).toString('hex')
    await payload.create({
      collection: 'users',
      data: { email, password, roles: ['reviewer'], organizations: [org.id] },
    })
    const reviewer = (await call('POST', '/api/users/login', undefined, { email, password })).token
    const task = await payload.create({
      collection: 'tasks',
      data: {
        title: 'Battery task',
        status: 'published',
        organization: org.id,
        reward: { kind: 'gcash', amount: 10 },
        fields: [
          { name: 'note', label: 'Note', type: 'text', required: true },
          { name: 'count', label: 'Count', type: 'number', required: true },
        ],
      },
    })

    const phone = `+639${String(randomInt(0, 1e9)).padStart(9, '0')}`
    await call('POST', '/api/residents/otp/request', undefined, { phone })
    let code: string | undefined
    for (let i = 0; i < 100 && !code; i++) {
      const { docs } = await payload.find({
        collection: 'sms-outbox',
        where: { to: { equals: phone } },
        limit: 1,
      })
      code = docs[0] ? /(\d{6})/.exec(docs[0].body)?.[1] : undefined
      if (!code) await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const signIn = await call('POST', '/api/residents/otp/verify', undefined, { phone, code })
    const token = signIn.token as string
    const id = signIn.user.id as number
    for (const purpose of ['terms', 'data-processing', 'location', 'photos']) {
      await call('POST', '/api/consents', token, { purpose, granted: true })
    }
    const name = `Battery Resident ${randomBytes(3).toString('hex')}`
    const freeText = `battery free text ${randomBytes(4).toString('hex')}`
    await call('PATCH', `/api/residents/${id}`, token, { name })
    const sub = await call('POST', '/api/submissions', token, {
      task: task.id,
      answers: { note: freeText, count: 2 },
      location: { lat: 14.6543, lng: 121.0987 },
    })
    await call('PATCH', `/api/submissions/${sub.doc.id}`, reviewer, { status: 'approved' })
    // Erasure leaves a payout under way its account until it settles: wait for the sandbox.
    for (let i = 0; i < 150; i++) {
      const { docs } = await payload.find({
        collection: 'rewards',
        where: { resident: { equals: id }, status: { equals: 'issued' } },
        limit: 1,
      })
      if (docs.length) break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }

    // A row in the collection reached only through the reward: a voucher code issued for it.
    const [reward] = (
      await payload.find({ collection: 'rewards', where: { resident: { equals: id } }, limit: 1 })
    ).docs
    const voucherPool = await payload.create({
      collection: 'voucher-pools',
      data: { name: 'Battery pool', organization: org.id },
    })
    await payload.create({
      collection: 'voucher-codes',
      data: {
        pool: voucherPool.id,
        code: `BATT-${randomBytes(3).toString('hex')}`,
        reward: reward.id,
      },
    })

    // A photo proof, stored on the server's disk: its file must go with the erasure.
    const form = new FormData()
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#357' } })
      .jpeg()
      .toBuffer()
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'proof.jpg')
    const uploaded = await fetch(`${server.url}/api/proofs`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
      body: form,
    })
    if (uploaded.status !== 201) throw new Error(`POST /api/proofs → ${uploaded.status}`)
    const proofsDir = path.join(path.dirname(server.logFile), 'proofs')
    const photoFiles = async () => (await fs.readdir(proofsDir).catch(() => [])).length

    const exported = await call('GET', '/api/residents/me/export', token)
    const coverage = exportCoverage(payload.config, exported.collections)
    const missing = [
      ...coverage.unregistered.map((slug) => `${slug} (not in DATA_MAP)`),
      ...coverage.missingFromExport,
      ...coverage.suspicious.map((field) => `${field} (looks personal, collection declared not)`),
    ]

    const photosBefore = await photoFiles()
    await call('DELETE', '/api/residents/me', token)
    const photosLeft = await photoFiles()
    const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
    const residue = await findResidue(pool, [...phoneSpellings(phone), name, freeText, '121.0987'])
    const rewards = await payload.count({
      collection: 'rewards',
      where: { resident: { equals: id } },
    })

    await server.stop()
    const logs = await scanLogFiles([server.logFile])

    console.log(`fields missing from the export: ${missing.length}`)
    for (const line of missing) console.log(`  ${line}`)
    // Declared personal, but this one life left no row there, so its fields could not be checked.
    console.log(`personal collections with no row to check: ${coverage.unchecked.length}`)
    for (const slug of coverage.unchecked) console.log(`  ${slug}`)
    console.log(`personal data left after erasure: ${residue.length}`)
    for (const r of residue) console.log(`  ${r.table}: ${r.rows} row(s)`)
    console.log(`photo files left after erasure: ${photosLeft} (of ${photosBefore})`)
    console.log(`rewards kept under the pseudonym: ${rewards.totalDocs}`)
    console.log(`phone numbers, tokens or codes in the server log: ${logs.length}`)
    for (const f of logs) console.log(`  ${f.kind} at line ${f.line}: ${f.excerpt}`)
    const failed = missing.length || residue.length || photosLeft || !photosBefore || logs.length
    if (failed || rewards.totalDocs !== 1) exitCode = 1
  } finally {
    await server.stop()
    await payload.destroy().catch(() => undefined)
    // Dropping the database ends the pool's idle connections: expected, not an error.
    ;(payload.db as unknown as { pool?: import('pg').Pool }).pool?.on('error', () => undefined)
    await database.dispose()
  }
  process.exit(exitCode)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
