import type { Payload } from 'payload'

import { getPayoutProvider } from '../providers/payouts'
import { getSmsProvider } from '../providers/sms'
import { startCron } from './cron'
import { defineIssueReward } from './definitions/issueReward'
import { definePurgeSmsOutbox } from './definitions/purgeSmsOutbox'
import { defineSendSms } from './definitions/sendSms'
import { defineSweepRewards } from './definitions/sweepRewards'
import { defineVerifyAudit } from './definitions/verifyAudit'
import { createAgenda, useAgenda } from './queue'

/** A running worker: Agenda processing our jobs, plus the cron timers. */
export type Worker = { stop: (timeoutMs?: number) => Promise<void> }

/** Starts processing jobs in this process; `stop` drains running jobs before returning. */
export const startWorker = async (payload: Payload, connectionString: string): Promise<Worker> => {
  const agenda = createAgenda(connectionString, { processEvery: '1 second' })
  const payouts = getPayoutProvider()
  defineIssueReward(agenda, payload, payouts)
  defineSendSms(agenda, payload, getSmsProvider())
  defineSweepRewards(agenda, payload, payouts)
  definePurgeSmsOutbox(agenda, payload)
  defineVerifyAudit(agenda, payload)
  agenda.on('fail', (err, job) => {
    payload.logger.warn({ msg: 'job failed', job: job.attrs.name, err: err.message })
  })
  useAgenda(agenda)
  await agenda.start()
  const stopCron = startCron((msg, err) => payload.logger.error({ msg, err }))
  return {
    stop: async (timeoutMs = 10_000) => {
      stopCron()
      await agenda.drain(timeoutMs)
      await agenda.stop()
    },
  }
}
