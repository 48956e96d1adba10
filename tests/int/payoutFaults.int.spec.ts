import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { issueReward } from '../../collections/Rewards/operations/issueReward'
import { receivePayoutWebhook } from '../../collections/Rewards/operations/receiveWebhook'
import { readReward } from '../../collections/Rewards/operations/transition'
import { reconcilePayouts } from '../../jobs/definitions/reconcilePayouts'
import { xenditPayoutProvider } from '../../providers/payouts/xendit'
import { pgPool } from '../../src/lib/sql'
import {
  startFakeXendit,
  type FakePayout,
  type FakeXendit,
  type XenditFault,
} from '../fakes/xendit'
import { localPayload } from '../helpers/payload'
import { insertRewards, ledgerOf, providersOf } from '../helpers/rewards'

/** One step of a fault sequence. */
type Step =
  | { do: 'job'; fault: XenditFault | null }
  | { do: 'channel'; to: 'SUCCEEDED' | 'FAILED' | 'REVERSED' }
  | { do: 'webhook'; which: 'latest' | 'stale'; times: number }
  | { do: 'reconcile' }

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    do: fc.constant('job' as const),
    fault: fc.constantFrom<XenditFault | null>(
      null,
      'reset',
      '500',
      'reset-after-success',
      '500-after-success',
      'timeout-after-success',
    ),
  }),
  fc.record({
    do: fc.constant('channel' as const),
    to: fc.constantFrom('SUCCEEDED' as const, 'FAILED' as const, 'REVERSED' as const),
  }),
  fc.record({
    do: fc.constant('webhook' as const),
    which: fc.constantFrom('latest' as const, 'stale' as const),
    times: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ do: fc.constant('reconcile' as const) }),
)

let fake: FakeXendit
beforeAll(async () => {
  fake = await startFakeXendit()
})
afterAll(() => fake.close())

/** Sequences to try: 30 in npm test, more in `npm run battery:payouts`. */
const RUNS = Number(process.env.PAYOUT_FAULT_RUNS) || 30

describe('payouts under provider faults (fast-check)', () => {
  it(
    'ends with the ledger agreeing with Xendit, and nothing paid twice',
    async () => {
      const payload = await localPayload()
      const db = pgPool(payload)
      const xendit = xenditPayoutProvider({
        baseUrl: fake.url,
        secretKey: fake.secretKey,
        callbackToken: 'token',
        timeoutMs: 5_000,
      })
      const providers = providersOf(xendit)
      const stats = { runs: 0, mismatches: 0, duplicates: 0 }

      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
          stats.runs++
          fake.faults.length = 0
          const { rewards } = await insertRewards(db, { provider: 'xendit' })
          const id = rewards[0].id
          const mine = () =>
            fake.payouts.filter(
              (p) =>
                p.reference_id === rewards[0].idempotency_key ||
                p.reference_id.startsWith(`${rewards[0].idempotency_key}-r`),
            )
          const snapshots: FakePayout[] = []
          const job = () => issueReward(payload, id, providers).catch(() => 'error')
          const deliver = async (payout: FakePayout) => {
            const hook = xendit.parseWebhook!(
              new Headers({ 'x-callback-token': 'token' }),
              JSON.stringify(fake.webhookBody(payout)),
            )
            await receivePayoutWebhook(payload, 'xendit', hook)
          }
          const reconcile = () =>
            reconcilePayouts(payload, providers, { rewardId: id, requeue: job })

          for (const step of steps) {
            if (step.do === 'job') {
              if (step.fault) fake.faults.push(step.fault)
              await job()
              fake.faults.length = 0
            } else if (step.do === 'channel') {
              const payout = mine().at(-1)
              const from = payout?.status
              const legal = step.to === 'REVERSED' ? from === 'SUCCEEDED' : from === 'ACCEPTED'
              if (payout && legal) snapshots.push({ ...fake.setStatus(payout.id, step.to) })
            } else if (step.do === 'webhook') {
              const payout =
                step.which === 'latest' ? mine().at(-1) : (snapshots[0] ?? mine().at(-1))
              for (let i = 0; payout && i < step.times; i++) await deliver({ ...payout })
            } else {
              await reconcile()
            }
          }

          // Settle: the channel completes what it accepted; jobs and reconciliation catch up
          // (a failed reward is retried, under a fresh key).
          for (let round = 0; round < 4; round++) {
            for (const payout of mine()) {
              if (payout.status === 'ACCEPTED') fake.setStatus(payout.id, 'SUCCEEDED')
            }
            const row = await readReward({ payload }, id)
            if (row?.status === 'reserved' || row?.status === 'failed') await job()
            await reconcile()
          }

          const payouts = mine()
          const moved = payouts.filter((p) => p.status === 'SUCCEEDED' || p.status === 'REVERSED')
          if (moved.length > 1) stats.duplicates++
          const row = await readReward({ payload }, id)
          const ledger = await ledgerOf(db, id)
          const paid = ledger.reduce((sum, e) => sum + e.amount, 0)
          const providerPaid = moved.filter((p) => p.status === 'SUCCEEDED').length * 25
          const expected = moved[0]?.status === 'REVERSED' ? 'reversed' : 'issued'
          const ok = paid === providerPaid && row?.status === expected
          if (!ok) stats.mismatches++
          return ok && moved.length <= 1
        }),
        {
          numRuns: RUNS,
          // Found by seed 729320511: a retry after a definite failure, accepted but timed out,
          // was looked up under the dead payout's id and sent a third time (paid twice).
          examples: [
            [
              [
                { do: 'job', fault: null },
                { do: 'channel', to: 'FAILED' },
                { do: 'reconcile' },
                { do: 'job', fault: 'timeout-after-success' },
              ],
            ],
            // Found by seed 680098831 (battery): a payout reversed after it was recorded as paid,
            // whose webhook never came, stayed `issued`: reconciliation now looks paid rewards up.
            [
              [
                { do: 'reconcile' },
                { do: 'channel', to: 'SUCCEEDED' },
                { do: 'job', fault: null },
                { do: 'channel', to: 'REVERSED' },
              ],
            ],
          ],
          seed: Number(process.env.FC_SEED) || undefined,
        },
      )
      console.log(
        `[payouts] fault sequences: ${stats.runs} runs, mismatches ${stats.mismatches}, duplicates ${stats.duplicates}`,
      )
      expect(stats.mismatches).toBe(0)
      expect(stats.duplicates).toBe(0)
    },
    Math.max(120_000, RUNS * 4_000),
  )
})
