import { describe, expect, it } from 'vitest'

import { applyPayoutState } from '../../collections/Rewards/operations/applyPayoutState'
import { issueReward, PayoutRetryable } from '../../collections/Rewards/operations/issueReward'
import { countStaleWrites, readReward } from '../../collections/Rewards/operations/transition'
import { purgeSmsOutbox } from '../../jobs/definitions/purgeSmsOutbox'
import { reconcilePayouts } from '../../jobs/definitions/reconcilePayouts'
import { sandboxPayoutProvider, sandboxPayouts } from '../../providers/payouts/sandbox'
import type { PayoutProvider } from '../../providers/payouts/types'
import { pgPool } from '../../src/lib/sql'
import { auditCount, insertRewards, ledgerOf, providersOf } from '../helpers/rewards'
import { localPayload } from '../helpers/payload'

/** A gate a test opens when it chooses: lets it hold one worker inside the provider call. */
const gate = () => {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

describe('the reward state machine', () => {
  it('pays once when two workers run one reward at once, and refuses the slower one', async () => {
    const payload = await localPayload()
    const db = pgPool(payload)
    const { rewards } = await insertRewards(db)
    const id = rewards[0].id
    const sandbox = sandboxPayoutProvider(payload)
    const hold = gate()
    const entered = gate()
    let calls = 0
    // Worker A's call hangs until B has finished; B's goes straight through.
    const slowFirst: PayoutProvider = {
      ...sandbox,
      async issue(request) {
        calls++
        if (calls === 1) {
          entered.open()
          await hold.opened
        }
        return sandbox.issue(request)
      },
    }
    const providers = providersOf(slowFirst)
    const a = issueReward(payload, id, providers)
    await entered.opened
    // B sees A's `issuing`, finds nothing at the provider yet, and takes the payout over.
    expect(await issueReward(payload, id, providers)).toBe('issued')
    hold.open()
    expect(await a).toBe('superseded')

    expect(calls).toBe(2)
    const paid = await sandboxPayouts(payload, rewards[0].idempotency_key)
    expect(paid).toHaveLength(1) // one payout, though the key reached the provider twice
    expect(paid[0].calls).toBe(2)
    expect(await ledgerOf(db, id)).toEqual([{ entry: 'payout', amount: 25 }])
    expect(await auditCount(db, id, 'reward.issued')).toBe(1)
    expect(await countStaleWrites(payload, id)).toBe(1)
    expect(await readReward({ payload }, id)).toMatchObject({ status: 'issued', attempts: 2 })
  })

  it('pays once when the worker dies after the provider accepted: the retry looks it up', async () => {
    const payload = await localPayload()
    const db = pgPool(payload)
    const { rewards } = await insertRewards(db, { amount: 45 })
    const id = rewards[0].id
    const sandbox = sandboxPayoutProvider(payload)
    let sends = 0
    const dying: PayoutProvider = {
      ...sandbox,
      async issue(request) {
        sends++
        await sandbox.issue(request)
        throw new Error('worker died after the provider accepted')
      },
    }
    await expect(issueReward(payload, id, providersOf(dying))).rejects.toThrow(/died/)
    expect((await readReward({ payload }, id))?.status).toBe('issuing')

    expect(await issueReward(payload, id, providersOf(dying))).toBe('issued')
    expect(sends).toBe(1) // settled by lookup, not sent again
    expect(await sandboxPayouts(payload, rewards[0].idempotency_key)).toHaveLength(1)
    expect(await ledgerOf(db, id)).toEqual([{ entry: 'payout', amount: 45 }])
  })

  it('marks a definite refusal failed, and retries it under a fresh idempotency key', async () => {
    const payload = await localPayload()
    const db = pgPool(payload)
    const { rewards } = await insertRewards(db)
    const id = rewards[0].id
    const sandbox = sandboxPayoutProvider(payload)
    let down = true
    const flaky: PayoutProvider = {
      ...sandbox,
      async issue(request) {
        if (down) return { status: 'failed', reason: 'balance too low', retryable: true }
        return sandbox.issue(request)
      },
    }
    await expect(issueReward(payload, id, providersOf(flaky))).rejects.toBeInstanceOf(
      PayoutRetryable,
    )
    expect(await readReward({ payload }, id)).toMatchObject({
      status: 'failed',
      last_error: 'balance too low',
    })
    down = false
    expect(await issueReward(payload, id, providersOf(flaky))).toBe('issued')
    const row = await readReward({ payload }, id)
    expect(row).toMatchObject({ status: 'issued', attempts: 2 })
    expect(row?.payout_key).toBe(`${rewards[0].idempotency_key}-r2`)
    expect(await auditCount(db, id, 'reward.failed')).toBe(1)
  })

  it('leaves a settled reward alone', async () => {
    const payload = await localPayload()
    const { rewards } = await insertRewards(pgPool(payload))
    const providers = providersOf(sandboxPayoutProvider(payload))
    expect(await issueReward(payload, rewards[0].id, providers)).toBe('issued')
    expect(await issueReward(payload, rewards[0].id, providers)).toBe('already-settled')
  })

  it('writes a reversal as a new ledger entry, also when it arrives before the success', async () => {
    const payload = await localPayload()
    const db = pgPool(payload)
    const { rewards } = await insertRewards(db, { count: 2, status: 'issuing', provider: 'xendit' })
    const [inOrder, early] = rewards.map((r) => r.id)

    let row = await readReward({ payload }, inOrder)
    row = await applyPayoutState(payload, row!, { status: 'succeeded', providerRef: 'disb-a' })
    await applyPayoutState(payload, row!, { status: 'reversed', providerRef: 'disb-a' })
    const reversedLate = await readReward({ payload }, inOrder)
    // Stale news after the reversal changes nothing.
    await applyPayoutState(payload, reversedLate!, { status: 'succeeded', providerRef: 'disb-a' })
    await applyPayoutState(payload, reversedLate!, {
      status: 'failed',
      providerRef: 'disb-a',
      reason: 'late',
      retryable: false,
    })
    expect((await readReward({ payload }, inOrder))?.status).toBe('reversed')
    expect(await ledgerOf(db, inOrder)).toEqual([
      { entry: 'payout', amount: 25 },
      { entry: 'reversal', amount: -25 },
    ])

    const issuing = await readReward({ payload }, early)
    await applyPayoutState(payload, issuing!, { status: 'reversed', providerRef: 'disb-b' })
    expect((await readReward({ payload }, early))?.status).toBe('reversed')
    expect(await ledgerOf(db, early)).toEqual([
      { entry: 'payout', amount: 25 },
      { entry: 'reversal', amount: -25 },
    ])
  })
})

describe('reconciliation', () => {
  it('settles a stale issuing reward by lookup and re-queues only what the provider never saw', async () => {
    const payload = await localPayload()
    const db = pgPool(payload)
    const sandbox = sandboxPayoutProvider(payload)
    const { rewards } = await insertRewards(db, { count: 2, status: 'issuing' })
    const [seen, unseen] = rewards
    // The provider got the first one; the worker died before recording it.
    await sandbox.issue({
      rewardId: seen.id,
      idempotencyKey: seen.idempotency_key,
      reference: seen.idempotency_key,
      kind: 'gcash',
      amount: 25,
      currency: 'PHP',
      account: '+639170000000',
      accountName: 'x',
      description: 'x',
    })
    let sends = 0
    const counting: PayoutProvider = {
      ...sandbox,
      issue: async (r) => (sends++, sandbox.issue(r)),
    }
    const soon = await reconcilePayouts(payload, providersOf(counting), { afterMs: 60_000 })
    expect(soon.checked).toBe(0)
    const later = await reconcilePayouts(payload, providersOf(counting), {
      afterMs: 60_000,
      now: Date.now() + 61_000,
    })
    expect(later).toMatchObject({ settled: expect.any(Number), errors: 0 })
    expect(sends).toBe(0) // reconciliation never sends
    expect((await readReward({ payload }, seen.id))?.status).toBe('issued')
    const unseenRow = await readReward({ payload }, unseen.id)
    expect(['issuing', 'issued']).toContain(unseenRow?.status) // queued for reward.issue
    const queued = await db.query(
      `SELECT count(*)::int AS n FROM agenda_jobs WHERE name = 'reward.issue' AND (data->>'rewardId')::int = $1`,
      [unseen.id],
    )
    expect(queued.rows[0].n).toBe(1)
  })
})

describe('purging SMS', () => {
  it('deletes messages and OTP challenges older than a day', async () => {
    const payload = await localPayload()
    const message = await payload.create({
      collection: 'sms-outbox',
      data: { to: '+639170000000', body: 'old', status: 'sent' },
    })
    const fresh = await purgeSmsOutbox(payload)
    expect(
      await payload.count({ collection: 'sms-outbox', where: { id: { equals: message.id } } }),
    ).toMatchObject({ totalDocs: 1 })
    expect(fresh.sms).toBe(0)
    await purgeSmsOutbox(payload, Date.now() + 25 * 60 * 60 * 1000)
    expect(
      await payload.count({ collection: 'sms-outbox', where: { id: { equals: message.id } } }),
    ).toMatchObject({ totalDocs: 0 })
  })
})
