import type { Payload } from 'payload'

import { getPayoutProviders } from '../providers/payouts'
import { getSmsProvider } from '../providers/sms'
import { startCron, type Periodic } from './cron'
import { defineAlertPayout } from './definitions/alertPayout'
import { defineAlertSmsBudget } from './definitions/alertSmsBudget'
import { defineIssueReward } from './definitions/issueReward'
import { purgeSmsOutbox, definePurgeSmsOutbox } from './definitions/purgeSmsOutbox'
import { defineReconcilePayouts, reconcilePayouts } from './definitions/reconcilePayouts'
import { defineSendSms } from './definitions/sendSms'
import { defineVerifyAudit, run as verifyAudit } from './definitions/verifyAudit'
import { defineScoreSubmission, sweepUnscored } from './definitions/scoreSubmission'
import { createAgenda, useAgenda } from './queue'
import { retentionPeriods, runRetention } from '../src/privacy/retention'

/** A running worker: Agenda processing our jobs, plus the cron timers. */
export type Worker = { stop: (timeoutMs?: number) => Promise<void> }

/** Periodic work, each run once per cluster; expressions overridable for tests (CRON_*). */
export const periodicWork = (
  payload: Payload,
  providers: ReturnType<typeof getPayoutProviders>,
  env: NodeJS.ProcessEnv = process.env,
): Periodic[] => [
  {
    name: 'payout.reconcile',
    expression: env.CRON_RECONCILE || '* * * * *',
    run: async () => {
      const result = await reconcilePayouts(payload, providers)
      if (result.checked) payload.logger.info({ msg: 'payout reconcile', ...result })
    },
  },
  { name: 'sms-outbox.purge', expression: '*/5 * * * *', run: () => purgeSmsOutbox(payload) },
  { name: 'audit.verify', expression: '41 * * * *', run: () => verifyAudit(payload) },
  retention(payload, env),
  { name: 'submission.score-sweep', expression: '* * * * *', run: () => sweepUnscored(payload) },
]

/** The daily privacy retention run (src/privacy/retention.ts); bad periods stop the start. */
const retention = (payload: Payload, env: NodeJS.ProcessEnv): Periodic => {
  const periods = retentionPeriods()
  return {
    name: 'privacy.retention',
    expression: env.CRON_RETENTION || '23 3 * * *',
    run: async () => {
      const result = await runRetention(payload, { periods })
      payload.logger.info({ msg: 'privacy retention', ...result })
    },
  }
}

/** Starts processing jobs in this process; `stop` drains running jobs before returning. */
export const startWorker = async (payload: Payload, connectionString: string): Promise<Worker> => {
  const agenda = createAgenda(connectionString, { processEvery: '1 second' })
  const payouts = getPayoutProviders(payload)
  defineIssueReward(agenda, payload, payouts)
  defineReconcilePayouts(agenda, payload, payouts)
  defineAlertPayout(agenda, payload)
  defineSendSms(agenda, payload, getSmsProvider())
  definePurgeSmsOutbox(agenda, payload)
  defineVerifyAudit(agenda, payload)
  defineAlertSmsBudget(agenda, payload)
  defineScoreSubmission(agenda, payload)
  agenda.on('fail', (err, job) => {
    payload.logger.warn({ msg: 'job failed', job: job.attrs.name, err: err.message })
  })
  useAgenda(agenda)
  await agenda.start()
  const stopCron = startCron(payload, periodicWork(payload, payouts), (msg, err) =>
    payload.logger.error({ msg, err }),
  )
  return {
    stop: async (timeoutMs = 10_000) => {
      await stopCron()
      await agenda.drain(timeoutMs)
      await agenda.stop()
    },
  }
}
