import type { Agenda, Job } from 'agenda'
import type { Payload } from 'payload'

import { emailConfigured } from '../../providers/email'
import { manilaTime } from '../../src/lib/format'
import { JOBS, type JobData } from '../names'

/** Subject of the email admins get when the SMS circuit breaker opens. */
export const SMS_BUDGET_SUBJECT = 'Bayanet: the hourly SMS budget is spent'

/**
 * Emails every platform admin that the hourly SMS budget ran out (when SMTP_URL is set): no
 * sign-in codes go out until it reopens, and a flood of code requests may be SMS pumping. The
 * log line, the audit entry and the dashboard's banner are written by the request that tripped
 * the breaker; this is the part that reaches people who are not looking. Returns how many were
 * emailed.
 */
export const alertSmsBudget = async (
  payload: Payload,
  data: JobData[typeof JOBS.alertSmsBudget],
) => {
  if (!emailConfigured()) return 0
  const { docs: admins } = await payload.find({
    collection: 'users',
    where: { roles: { contains: 'admin' } },
    depth: 0,
    limit: 50,
    overrideAccess: true,
  })
  const text = [
    `The hourly SMS budget of ${data.budget} messages is spent. No sign-in or payout-account`,
    `codes are sent until ${manilaTime(data.reopensAt)} (Manila time); residents are asked to try`,
    'again later.',
    '',
    'A sudden run of code requests to many numbers is a sign of SMS pumping. The audit log has an',
    '"sms.budget-exhausted" entry; SMS_HOURLY_BUDGET and the OTP_* limits are set in the',
    'environment.',
  ].join('\n')
  let sent = 0
  for (const admin of admins) {
    if (!admin.email) continue
    await payload.sendEmail({ to: admin.email, subject: SMS_BUDGET_SUBJECT, text })
    sent++
  }
  payload.logger.info({ msg: 'sms budget alert emailed', admins: sent })
  return sent
}

/** Registers `sms-budget.alert`: once per budget window (the producer makes it unique). */
export const defineAlertSmsBudget = (agenda: Agenda, payload: Payload) => {
  agenda.define<JobData[typeof JOBS.alertSmsBudget]>(
    JOBS.alertSmsBudget,
    async (job: Job<JobData[typeof JOBS.alertSmsBudget]>) => {
      await alertSmsBudget(payload, job.attrs.data)
    },
    {
      concurrency: 1,
      lockLifetime: 60_000,
      backoff: ({ attempt }) => (attempt >= 5 ? null : 30_000 * attempt),
    },
  )
}
