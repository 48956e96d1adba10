import type { PayloadRequest } from 'payload'

import { afterCommit } from '../../../src/lib/afterCommit'
import { idOf } from '../../../src/lib/ids'
import { seal } from '../../../src/lib/seal'
import { deliverSms } from '../../SmsOutbox/operations/queueSms'
import type { Submission } from '../../../src/payload-types'

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`

/** Plain ASCII amounts keep the SMS in the GSM alphabet (160 characters, not 70). */
const php = (amount: number) =>
  `PHP ${amount.toLocaleString('en-PH', { maximumFractionDigits: 2 })}`

/** The outcome message in the resident's language, kept to about one SMS. */
export const outcomeText = (
  language: string | null | undefined,
  outcome: 'approved' | 'rejected',
  { title, amount, reason }: { title: string; amount?: number | null; reason?: string | null },
) => {
  const task = clip(title, 40)
  const why = clip(reason ?? '', 70)
  if (language === 'fil') {
    return outcome === 'approved'
      ? `Bayanet: Aprubado ang sagot mo sa "${task}". ${php(amount ?? 0)} ang gantimpala; darating ito sa lalong madaling panahon.`
      : `Bayanet: Hindi naaprubahan ang sagot mo sa "${task}": ${why}. Maaari kang mag-apela nang isang beses sa app.`
  }
  return outcome === 'approved'
    ? `Bayanet: Your submission for "${task}" was approved. Your ${php(amount ?? 0)} reward is on its way.`
    : `Bayanet: Your submission for "${task}" was not approved: ${why}. You may appeal once in the app.`
}

/**
 * Tells the resident the decision by SMS: the message is queued in the outbox inside the
 * decision's transaction, and the `sms.send` job is enqueued only after it commits.
 */
export const notifyOutcome = async (req: PayloadRequest, submission: Submission) => {
  const outcome =
    submission.status === 'rejected'
      ? 'rejected'
      : submission.status === 'approved' || submission.status === 'auto_approved'
        ? 'approved'
        : undefined
  if (!outcome) return
  const { payload } = req
  const resident = await payload.findByID({
    collection: 'residents',
    id: idOf(submission.resident)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const task = await payload.findByID({
    collection: 'tasks',
    id: idOf(submission.task)!,
    depth: 0,
    select: { title: true },
    overrideAccess: true,
    req,
  })
  const text = outcomeText(resident.language, outcome, {
    title: task.title,
    amount: submission.rewardAmount,
    reason: submission.reviewNote,
  })
  const message = await payload.create({
    collection: 'sms-outbox',
    data: {
      to: resident.phone,
      // No secret in it, so `body` may show it whole; the job sends the sealed copy.
      body: text,
      sealedBody: seal(payload.secret, 'sms-outbox', text),
      language: resident.language === 'en' ? 'en' : 'fil',
      status: 'queued',
      attempts: 0,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await afterCommit(req, () => deliverSms(message.id))
}
