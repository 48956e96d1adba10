import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { issueReward } from '../../collections/Rewards/operations/issueReward'
import { voucherPoolProvider, POOL_EMPTY } from '../../providers/payouts/voucherPool'
import { pgPool } from '../../src/lib/sql'
import { api, errorMessage, eventually } from '../helpers/api'
import { createOrganization } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { insertRewards, providersOf } from '../helpers/rewards'

const adminToken = async () => {
  const payload = await localPayload()
  const email = `admin-${randomBytes(4).toString('hex')}@test.bayanet.local`
  const password = randomBytes(12).toString('hex')
  await payload.create({ collection: 'users', data: { email, password, roles: ['admin'] } })
  return (await api('POST', '/api/users/login', { body: { email, password } })).body.token as string
}

/** npm test runs a smaller real race; `npm run battery:payouts` runs 500 rewards against 300 codes. */
const REWARDS = Number(process.env.PAYOUT_VOUCHER_REWARDS) || 150
const CODES = Number(process.env.PAYOUT_VOUCHER_CODES) || 90

describe('voucher pools', () => {
  it('explains a CSV it cannot read', async () => {
    const brand = await createOrganization('brand')
    const res = await api('POST', '/api/voucher-pools', {
      token: brand.manager.token,
      body: { name: 'Bad', organization: brand.org.id, importCsv: 'code\nGOOD-1\nhas a space\n' },
    })
    expect(res.status).toBe(400)
    expect(errorMessage(res)).toMatch(/Line 3/)
  })

  it(`gives ${REWARDS} concurrent rewards ${CODES} distinct codes; the rest wait as "pool empty", visible to staff`, async () => {
    const payload = await localPayload()
    const db = pgPool(payload)
    const brand = await createOrganization('brand')
    const codes = Array.from(
      { length: CODES },
      (_, i) => `CODE-${i}-${randomBytes(3).toString('hex')}`,
    )
    const created = await api('POST', '/api/voucher-pools', {
      token: brand.manager.token,
      body: {
        name: 'Load',
        organization: brand.org.id,
        lowWatermark: Math.ceil(CODES / 6),
        importCsv: ['code', ...codes, codes[0]].join('\n'),
      },
    })
    expect(created.status).toBe(201)
    const poolId = created.body.doc.id
    expect(created.body.doc).toMatchObject({ remaining: CODES, low: false })
    expect(created.body.doc.lastImport).toMatch(new RegExp(`${CODES} added, 0 already`))

    const { rewards } = await insertRewards(db, {
      count: REWARDS,
      kind: 'voucher',
      provider: 'voucher-pool',
      voucherPool: poolId,
      organization: brand.org.id,
    })
    const providers = providersOf(voucherPoolProvider(payload))
    const outcomes = await Promise.all(rewards.map((r) => issueReward(payload, r.id, providers)))
    expect(outcomes.filter((o) => o === 'issued')).toHaveLength(CODES)
    expect(outcomes.filter((o) => o === 'failed')).toHaveLength(REWARDS - CODES)

    const given = await db.query(
      `SELECT r.voucher_code FROM rewards r WHERE r.id = ANY($1) AND r.status = 'issued'`,
      [rewards.map((r) => r.id)],
    )
    const distinct = new Set(given.rows.map((r) => r.voucher_code))
    expect(distinct.size).toBe(CODES)
    expect([...distinct].every((c) => codes.includes(c))).toBe(true)

    // Staff see the waiting rewards and why, and the pool's state.
    const waiting = await api(
      'GET',
      `/api/rewards?where[status][equals]=failed&where[organization][equals]=${brand.org.id}&limit=1`,
      { token: brand.manager.token },
    )
    expect(waiting.body.totalDocs).toBe(REWARDS - CODES)
    expect(waiting.body.docs[0].lastError).toBe(POOL_EMPTY)
    const pool = await api('GET', `/api/voucher-pools/${poolId}`, { token: brand.reviewer.token })
    expect(pool.body).toMatchObject({ remaining: 0, low: true })

    // Codes are for the resident and admins, not reviewers or managers.
    const issuedId = rewards[outcomes.indexOf('issued')].id
    for (const token of [brand.reviewer.token, brand.manager.token]) {
      const seen = await api('GET', `/api/rewards/${issuedId}`, { token })
      expect(seen.status).toBe(200)
      expect(seen.body.voucherCode).toBeUndefined()
    }
    const asAdmin = await api('GET', `/api/rewards/${issuedId}`, { token: await adminToken() })
    expect(codes).toContain(asAdmin.body.voucherCode)
    const codesRead = await api('GET', '/api/voucher-codes', { token: brand.manager.token })
    expect(codesRead.status).toBe(403)

    // New codes pay the waiting rewards by themselves, oldest first, one code each.
    const refill = Array.from(
      { length: 5 },
      (_, i) => `MORE-${i}-${randomBytes(3).toString('hex')}`,
    )
    const imported = await api('PATCH', `/api/voucher-pools/${poolId}`, {
      token: brand.manager.token,
      body: { importCsv: ['code', ...refill].join('\n') },
    })
    expect(imported.status, JSON.stringify(imported.body)).toBe(200)
    const ids = rewards.map((r) => r.id)
    const waitingBefore = rewards.filter((_, i) => outcomes[i] === 'failed').map((r) => r.id)
    const paidFromRefill = await eventually(
      async () => {
        const { rows } = await db.query(
          `SELECT id, voucher_code FROM rewards
            WHERE id = ANY($1) AND status = 'issued' AND voucher_code = ANY($2) ORDER BY id`,
          [ids, refill],
        )
        return rows.length === refill.length ? rows : undefined
      },
      30_000,
      'the waiting rewards to be paid from the new codes',
    )
    expect(paidFromRefill.map((r) => r.id)).toEqual(waitingBefore.slice(0, refill.length))
    expect(new Set(paidFromRefill.map((r) => r.voucher_code)).size).toBe(refill.length)
    const stillWaiting = await db.query(
      `SELECT count(*)::int AS n FROM rewards WHERE id = ANY($1) AND status = 'failed'`,
      [ids],
    )
    expect(stillWaiting.rows[0].n).toBe(REWARDS - CODES - refill.length)
  }, 240_000)
})
