import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { issueReward } from '../../collections/Rewards/operations/issueReward'
import { readReward } from '../../collections/Rewards/operations/transition'
import { reconcilePayouts, reversalWindow } from '../../jobs/definitions/reconcilePayouts'
import type { PayoutProvider } from '../../providers/payouts/types'
import { xenditPayoutProvider } from '../../providers/payouts/xendit'
import { pgPool } from '../../src/lib/sql'
import { startFakeXendit, type FakeXendit } from '../fakes/xendit'
import { localPayload } from '../helpers/payload'
import { insertRewards, ledgerOf, providersOf } from '../helpers/rewards'

const HOUR = 60 * 60_000

let fake: FakeXendit
beforeAll(async () => {
  fake = await startFakeXendit()
})
afterAll(() => fake.close())

/**
 * The periodic reconciliation, driven by the clock it is given: a GCash payout reversed after we
 * recorded it paid, whose webhook never came, is found by the sweep within its window, looked up
 * once per period, and never sent again.
 */
describe('the reconciliation sweep and reversals whose webhook was lost', () => {
  it('finds the reversal in the window, checks each paid reward once a period, never re-sends', async () => {
    const payload = await localPayload()
    const db = pgPool(payload)
    const xendit = xenditPayoutProvider({
      baseUrl: fake.url,
      secretKey: fake.secretKey,
      callbackToken: 'token',
      timeoutMs: 5_000,
    })
    const lookups = new Map<number, number>()
    const counted: PayoutProvider = {
      ...xendit,
      lookup: (request) => {
        lookups.set(request.rewardId, (lookups.get(request.rewardId) ?? 0) + 1)
        return xendit.lookup(request)
      },
    }
    const providers = providersOf(counted)
    const requeued: number[] = []
    const sweep = (at: number) =>
      reconcilePayouts(payload, providers, {
        now: at,
        requeue: async (row) => void requeued.push(row.id),
      })

    // Three rewards paid through Xendit: one will be reversed, one stays paid, one is old.
    const { rewards } = await insertRewards(db, { provider: 'xendit', count: 3 })
    const [reversed, paid, old] = rewards.map((r) => r.id)
    const payoutOf = (id: number) => {
      const key = rewards.find((r) => r.id === id)!.idempotency_key
      return fake.payouts.find((p) => p.reference_id === key)!
    }
    for (const id of [reversed, paid, old]) {
      await issueReward(payload, id, providers)
      const payout = payoutOf(id)
      fake.setStatus(payout.id, 'SUCCEEDED')
      await reconcilePayouts(payload, providers, { rewardId: id, afterMs: 0 })
      expect((await readReward({ payload }, id))?.status).toBe('issued')
    }
    const created = fake.createCalls()
    await db.query(
      `UPDATE rewards SET issued_at = now() - interval '30 hours',
              updated_at = now() - interval '30 hours' WHERE id = $1`,
      [old],
    )
    // The channel reverses two of them; no webhook arrives.
    for (const id of [reversed, old]) fake.setStatus(payoutOf(id).id, 'REVERSED')
    lookups.clear()

    // Right away: paid rewards were just updated, so the sweep leaves them alone.
    await sweep(Date.now())
    expect(lookups.get(reversed) ?? 0).toBe(0)
    expect((await readReward({ payload }, reversed))?.status).toBe('issued')

    // One period later the sweep looks them up: the reversal is recorded, with its ledger entry.
    const { everyMs, hours } = reversalWindow()
    const later = Date.now() + everyMs + HOUR
    await sweep(later)
    expect((await readReward({ payload }, reversed))?.status).toBe('reversed')
    expect((await ledgerOf(db, reversed)).reduce((sum, e) => sum + e.amount, 0)).toBe(0)
    expect(lookups.get(paid)).toBe(1)
    expect((await readReward({ payload }, paid))?.status).toBe('issued')

    // Checked once this period: the same sweep again does not ask about it a second time.
    await sweep(later + 60_000)
    expect(lookups.get(paid)).toBe(1)

    // Outside the window (issued more than RECONCILE_REVERSAL_HOURS ago): not looked up.
    expect(hours).toBeLessThan(30)
    expect(lookups.get(old) ?? 0).toBe(0)
    expect((await readReward({ payload }, old))?.status).toBe('issued')

    // Nothing paid was sent or queued again.
    expect(fake.createCalls()).toBe(created)
    expect(requeued.filter((id) => [reversed, paid, old].includes(id))).toEqual([])
  })
})
