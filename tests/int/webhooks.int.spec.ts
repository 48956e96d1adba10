import { describe, expect, it } from 'vitest'

import { readReward } from '../../collections/Rewards/operations/transition'
import { pgPool } from '../../src/lib/sql'
import { api } from '../helpers/api'
import { XENDIT_CALLBACK_TOKEN } from '../helpers/globalSetup'
import { localPayload } from '../helpers/payload'
import { auditCount, insertRewards, ledgerOf } from '../helpers/rewards'

/** A Xendit payout webhook body for `reference` (Xendit's v2 shape). */
const webhook = (reference: string, status: string, extra: Record<string, unknown> = {}) => ({
  event: `payout.${status.toLowerCase()}`,
  business_id: 'fake-business',
  created: new Date().toISOString(),
  data: {
    id: 'disb-1',
    reference_id: reference,
    amount: 25,
    currency: 'PHP',
    channel_code: 'PH_GCASH',
    status,
    ...extra,
  },
})

const post = (body: unknown, token: string | null = XENDIT_CALLBACK_TOKEN) =>
  api('POST', '/api/webhooks/xendit', {
    body,
    headers: token === null ? {} : { 'x-callback-token': token },
  })

/** A GCash reward Xendit has accepted (payout `disb-1`) and not yet settled. */
const acceptedReward = async () => {
  const payload = await localPayload()
  const { rewards } = await insertRewards(pgPool(payload), {
    provider: 'xendit',
    status: 'issuing',
    providerRef: 'disb-1',
  })
  return { payload, db: pgPool(payload), id: rewards[0].id, key: rewards[0].idempotency_key }
}

describe('the Xendit webhook', () => {
  it('changes the reward once however often it is replayed', async () => {
    const { payload, db, id, key } = await acceptedReward()
    const body = webhook(key, 'SUCCEEDED')
    const answers = []
    for (let round = 0; round < 10; round++) {
      answers.push(...(await Promise.all(Array.from({ length: 10 }, () => post(body)))))
    }
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200))
    expect(answers.filter((a) => a.body.result === 'applied')).toHaveLength(1)
    expect(await auditCount(db, id, 'reward.issued')).toBe(1)
    expect(await ledgerOf(db, id)).toEqual([{ entry: 'payout', amount: 25 }])
    expect(await readReward({ payload }, id)).toMatchObject({ status: 'issued' })
  })

  it('refuses a wrong or missing token and a tampered body; none of them changes anything', async () => {
    const { payload, db, id, key } = await acceptedReward()
    const forged = [
      await post(webhook(key, 'SUCCEEDED'), 'not-the-token'),
      await post(webhook(key, 'SUCCEEDED'), null),
      await post(webhook(key, 'SUCCEEDED'), `${XENDIT_CALLBACK_TOKEN}x`),
      await post(webhook(key, 'SUCCEEDED', { amount: 2500 })),
      await post(webhook(key, 'SUCCEEDED', { currency: 'IDR' })),
      await post(webhook(key, 'SUCCEEDED', { id: 'disb-someone-else' })),
      await post('{not json'),
      await post(webhook(key, 'NOT_A_STATUS')),
    ]
    expect(forged.map((r) => r.status)).toEqual([401, 401, 401, 400, 400, 400, 400, 400])
    for (const res of forged) expect(res.body.errors?.[0]?.message).toBeTruthy()
    expect(await readReward({ payload }, id)).toMatchObject({ status: 'issuing' })
    expect(await ledgerOf(db, id)).toEqual([])

    // An unknown reference is acknowledged (so Xendit stops retrying) and touches nothing.
    const stranger = await post(webhook('bayanet-reward-unknown', 'SUCCEEDED'))
    expect(stranger).toMatchObject({ status: 200, body: { result: 'unknown-reference' } })
  })

  it('never moves a settled reward backwards, except to reversed, in any order', async () => {
    const { payload, db, id, key } = await acceptedReward()
    expect((await post(webhook(key, 'SUCCEEDED'))).body.result).toBe('applied')
    // A late FAILED or ACCEPTED after SUCCEEDED is stale news.
    expect((await post(webhook(key, 'FAILED'))).body.result).toBe('unchanged')
    expect((await post(webhook(key, 'ACCEPTED'))).body.result).toBe('unchanged')
    expect((await readReward({ payload }, id))?.status).toBe('issued')
    expect((await post(webhook(key, 'REVERSED'))).body.result).toBe('applied')
    expect((await post(webhook(key, 'SUCCEEDED'))).body.result).toBe('unchanged')
    expect((await readReward({ payload }, id))?.status).toBe('reversed')
    expect(await ledgerOf(db, id)).toEqual([
      { entry: 'payout', amount: 25 },
      { entry: 'reversal', amount: -25 },
    ])
  })
})
