import { describe, expect, it } from 'vitest'

import { issueReward, PayoutRetryable } from '../../collections/Rewards/operations/issueReward'
import { purgeSmsOutbox } from '../../jobs/definitions/purgeSmsOutbox'
import { ISSUING_STALE_MS, STUCK_AFTER_MS, sweepRewards } from '../../jobs/definitions/sweepRewards'
import { sandboxLedger, sandboxPayoutProvider } from '../../providers/payouts/sandbox'
import type { PayoutProvider, PayoutRequest } from '../../providers/payouts/types'
import { api } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

/** A reserved reward for a fresh submission, made without the approval job (so nothing else pays it). */
const reservedReward = async (amount = 30) => {
  const payload = await localPayload()
  const org = await createOrganization('lgu')
  const task = await createTask(org.org.id, { reward: { kind: 'gcash', amount } })
  const resident = await signInResident()
  const sub = await api('POST', '/api/submissions', {
    token: resident.token,
    body: { task: task.id, answers: { note: 'x' } },
  })
  return payload.create({
    collection: 'rewards',
    data: {
      submission: sub.body.doc.id,
      resident: resident.id,
      task: task.id,
      organization: org.org.id,
      kind: 'gcash',
      amount,
      status: 'reserved',
      attempts: 0,
      idempotencyKey: `bayanet-reward-${sub.body.doc.id}`,
    },
  })
}

/** Wraps a provider and counts what reached it. */
const recording = (
  inner: PayoutProvider,
  fault?: (call: number) => 'crash-after-accept' | undefined,
) => {
  const calls: PayoutRequest[] = []
  const provider: PayoutProvider = {
    name: inner.name,
    capabilities: inner.capabilities,
    async send(request) {
      calls.push(request)
      const result = await inner.send(request)
      if (fault?.(calls.length) === 'crash-after-accept')
        throw new Error('worker died after the provider accepted')
      return result
    },
  }
  return { provider, calls }
}

describe('paying rewards', () => {
  it('pays once when the job runs twice', async () => {
    const payload = await localPayload()
    const reward = await reservedReward()
    const { provider, calls } = recording(sandboxPayoutProvider())
    expect(await issueReward(payload, reward.id, provider)).toBe('issued')
    expect(await issueReward(payload, reward.id, provider)).toBe('already-settled')
    expect(calls).toHaveLength(1)
    const stored = await payload.findByID({ collection: 'rewards', id: reward.id })
    expect(stored).toMatchObject({ status: 'issued', attempts: 1 })
  })

  it('pays a reward once when the worker dies after the provider accepted', async () => {
    const payload = await localPayload()
    const reward = await reservedReward(45)
    const { provider, calls } = recording(sandboxPayoutProvider(), (n) =>
      n === 1 ? 'crash-after-accept' : undefined,
    )
    await expect(issueReward(payload, reward.id, provider)).rejects.toThrow(/died/)
    expect((await payload.findByID({ collection: 'rewards', id: reward.id })).status).toBe(
      'issuing',
    )

    expect(await issueReward(payload, reward.id, provider)).toBe('issued')
    expect(calls.map((c) => c.idempotencyKey)).toEqual([
      reward.idempotencyKey,
      reward.idempotencyKey,
    ])
    const paid = [...sandboxLedger().keys()].filter((key) => key === reward.idempotencyKey)
    expect(paid).toHaveLength(1)
    expect(await payload.findByID({ collection: 'rewards', id: reward.id })).toMatchObject({
      status: 'issued',
      attempts: 2,
    })
  })

  it('marks a refused payout failed, and retries it later when the refusal was temporary', async () => {
    const payload = await localPayload()
    const reward = await reservedReward()
    let down = true
    const flaky: PayoutProvider = {
      ...sandboxPayoutProvider(),
      async send(request) {
        if (down) return { status: 'failed', reason: 'provider unavailable', retryable: true }
        return sandboxPayoutProvider().send(request)
      },
    }
    await expect(issueReward(payload, reward.id, flaky)).rejects.toBeInstanceOf(PayoutRetryable)
    expect(await payload.findByID({ collection: 'rewards', id: reward.id })).toMatchObject({
      status: 'failed',
      lastError: 'provider unavailable',
    })
    down = false
    expect(await issueReward(payload, reward.id, flaky)).toBe('issued')
  })

  it('sweeps up a reserved reward whose job was lost', async () => {
    const payload = await localPayload()
    const reward = await reservedReward()
    const { provider } = recording(sandboxPayoutProvider())
    const soon = await sweepRewards(payload, provider)
    expect(soon.found).toBe(0)
    const later = await sweepRewards(payload, provider, Date.now() + STUCK_AFTER_MS + 1000)
    expect(later.found).toBeGreaterThanOrEqual(1)
    expect((await payload.findByID({ collection: 'rewards', id: reward.id })).status).toBe('issued')
  })
})

describe('sweeping stale payouts', () => {
  it('finishes a reward whose worker died mid-payout', async () => {
    const payload = await localPayload()
    const reward = await reservedReward()
    await payload.update({
      collection: 'rewards',
      id: reward.id,
      data: { status: 'issuing', attempts: 1 },
    })
    const { provider, calls } = recording(sandboxPayoutProvider())
    await sweepRewards(payload, provider, Date.now() + ISSUING_STALE_MS + 1000)
    expect((await payload.findByID({ collection: 'rewards', id: reward.id })).status).toBe('issued')
    expect(calls.filter((c) => c.idempotencyKey === reward.idempotencyKey)).toHaveLength(1)
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
