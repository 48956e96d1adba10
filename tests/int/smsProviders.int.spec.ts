import { PostgresBackend } from '@agendajs/postgres-backend'
import { Agenda, type Job } from 'agenda'
import { randomBytes } from 'node:crypto'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { queueSms } from '../../collections/SmsOutbox/operations/queueSms'
import { defineSendSms, deliverQueuedSms, smsBackoff } from '../../jobs/definitions/sendSms'
import { JOBS } from '../../jobs/names'
import { semaphoreSmsProvider } from '../../providers/sms/semaphore'
import { twilioSmsProvider } from '../../providers/sms/twilio'
import { SmsSendError } from '../../providers/sms/types'
import { startFakeSemaphore } from '../fakes/semaphore'
import type { FakeSmsServer } from '../fakes/smsServer'
import { startFakeTwilio } from '../fakes/twilio'
import { eventually } from '../helpers/api'
import { uniquePhone } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

const queue = async (to: string, language: 'en' | 'fil' = 'en') => {
  const payload = await localPayload()
  const req = await createLocalReq({}, payload)
  return queueSms(req, { to, template: 'otp.sign-in', language, code: '482913', purpose: 'otp' })
}

/** Runs the job's work as Agenda would: again after each retryable failure. */
const runJob = async (deliver: () => Promise<unknown>) => {
  const delays: number[] = []
  for (let attempt = 1; ; attempt++) {
    try {
      return { outcome: await deliver(), delays }
    } catch (error) {
      const delay = smsBackoff({ attempt, error: error as Error, jobName: 'sms.send', jobData: {} })
      if (delay === null) return { outcome: error, delays }
      delays.push(delay)
    }
  }
}

describe('SMS providers against fakes speaking their wire formats', () => {
  let semaphore: FakeSmsServer
  let twilio: FakeSmsServer

  beforeAll(async () => {
    semaphore = await startFakeSemaphore('sem-key')
    twilio = await startFakeTwilio('ACfake', 'tw-token')
  })
  afterAll(async () => {
    await semaphore?.close()
    await twilio?.close()
  })

  it('delivers through Semaphore exactly once after a 429 with Retry-After and a 500', async () => {
    const payload = await localPayload()
    const provider = semaphoreSmsProvider({ apiKey: 'sem-key', baseUrl: semaphore.url })
    const to = uniquePhone()
    const id = await queue(to)
    semaphore.script.push({ status: 429, retryAfter: 17 }, { status: 500 })
    const { outcome, delays } = await runJob(() => deliverQueuedSms(payload, provider, id))
    expect(outcome).toBe('sent')
    expect(delays[0]).toBeGreaterThanOrEqual(17_000)
    expect(delays).toHaveLength(2)
    // A late duplicate run of the job sends nothing more.
    expect(await deliverQueuedSms(payload, provider, id)).toBe('sent')
    const mine = semaphore.received.filter((m) => m.to === to.slice(1))
    expect(mine).toHaveLength(1)
    expect(mine[0].body).toContain('482913')
    expect(mine[0].from).toBe('BAYANET')
    const stored = await payload.findByID({ collection: 'sms-outbox', id })
    expect(stored).toMatchObject({ status: 'sent', provider: 'semaphore', attempts: 3 })
    expect(stored.providerRef).toMatch(/^semaphore-\d+$/)
    // A real provider has the text now: nothing sealed stays behind.
    const raw = await payload.find({
      collection: 'sms-outbox',
      where: { id: { equals: id } },
      context: { keepSealedBody: true },
    })
    expect(raw.docs[0].sealedBody ?? null).toBeNull()
  })

  it('waits out Retry-After in the real Agenda job, and delivers once', async () => {
    const payload = await localPayload()
    const provider = semaphoreSmsProvider({ apiKey: 'sem-key', baseUrl: semaphore.url })
    // The worker's own definition on a real Agenda, in a table of its own so that the shared
    // server's worker (console provider) never takes this spec's job.
    const agenda = new Agenda({
      backend: new PostgresBackend({
        connectionString: inject('databaseUrl'),
        tableName: `agenda_sms_spec_${randomBytes(3).toString('hex')}`,
        ensureSchema: true,
      }),
      // As the worker polls (jobs/agenda.ts). human-interval reads "200 milliseconds" as 200 s.
      processEvery: '1 second',
    })
    defineSendSms(agenda, payload, provider)
    const starts: number[] = []
    const retries: { delay: number; nextRunAt: Date }[] = []
    agenda.on(`start:${JOBS.sendSms}`, () => starts.push(Date.now()))
    agenda.on(`retry:${JOBS.sendSms}`, (_job: Job, info: { delay: number; nextRunAt: Date }) =>
      retries.push(info),
    )
    await agenda.start()
    try {
      const to = uniquePhone()
      const id = await queue(to)
      semaphore.script.push({ status: 429, retryAfter: 3 }, { status: 503, retryAfter: 4 })
      await agenda.now(JOBS.sendSms, { messageId: id })
      await eventually(
        async () =>
          (await payload.findByID({ collection: 'sms-outbox', id })).status === 'sent' || undefined,
        40_000,
        'the job to deliver after its retries',
      )
      // Each retry was scheduled no sooner than the provider asked, and ran no sooner either.
      expect(retries.map((r) => r.delay)).toHaveLength(2)
      expect(retries[0].delay).toBeGreaterThanOrEqual(3000)
      expect(retries[1].delay).toBeGreaterThanOrEqual(4000)
      expect(starts).toHaveLength(3)
      expect(starts[1]).toBeGreaterThanOrEqual(retries[0].nextRunAt.getTime())
      expect(starts[2]).toBeGreaterThanOrEqual(retries[1].nextRunAt.getTime())
      expect(semaphore.received.filter((m) => m.to === to.slice(1))).toHaveLength(1)
      expect(await payload.findByID({ collection: 'sms-outbox', id })).toMatchObject({
        status: 'sent',
        attempts: 3,
      })
    } finally {
      await agenda.stop()
    }
  })

  it('delivers a simultaneous double run once', async () => {
    const payload = await localPayload()
    const provider = semaphoreSmsProvider({ apiKey: 'sem-key', baseUrl: semaphore.url })
    const to = uniquePhone()
    const id = await queue(to, 'fil')
    await Promise.all([1, 2, 3].map(() => deliverQueuedSms(payload, provider, id)))
    const mine = semaphore.received.filter((m) => m.to === to.slice(1))
    expect(mine).toHaveLength(1)
    expect(mine[0].body).toMatch(/ang iyong sign-in code/)
  })

  it('gives up on a permanent refusal without retrying', async () => {
    const payload = await localPayload()
    const provider = semaphoreSmsProvider({ apiKey: 'wrong-key', baseUrl: semaphore.url })
    const id = await queue(uniquePhone())
    const { outcome, delays } = await runJob(() => deliverQueuedSms(payload, provider, id))
    expect(outcome).toBe('failed')
    expect(delays).toHaveLength(0)
    expect((await payload.findByID({ collection: 'sms-outbox', id })).status).toBe('failed')
  })

  it('delivers through Twilio with Basic auth, retrying a 429', async () => {
    const payload = await localPayload()
    const provider = twilioSmsProvider({
      accountSid: 'ACfake',
      authToken: 'tw-token',
      from: '+15005550006',
      baseUrl: twilio.url,
    })
    const to = uniquePhone()
    const id = await queue(to)
    twilio.script.push({ status: 429, retryAfter: 3 })
    const { outcome, delays } = await runJob(() => deliverQueuedSms(payload, provider, id))
    expect(outcome).toBe('sent')
    expect(delays[0]).toBeGreaterThanOrEqual(3000)
    const mine = twilio.received.filter((m) => m.to === to)
    expect(mine).toHaveLength(1)
    expect(mine[0].from).toBe('+15005550006')
    expect((await payload.findByID({ collection: 'sms-outbox', id })).providerRef).toMatch(/^SM/)
  })

  it('classifies provider answers', async () => {
    const provider = twilioSmsProvider({
      accountSid: 'ACfake',
      authToken: 'not-the-token',
      from: '+15005550006',
      baseUrl: twilio.url,
    })
    const err = await provider.send({ to: uniquePhone(), body: 'x' }).catch((e) => e)
    expect(err).toBeInstanceOf(SmsSendError)
    expect(err.retryable).toBe(false)
  })
})
