/** Every Agenda job name, so producers and the worker cannot drift apart. */
export const JOBS = {
  issueReward: 'reward.issue',
  sendSms: 'sms.send',
  sweepRewards: 'reward.sweep',
  purgeSmsOutbox: 'sms-outbox.purge',
  verifyAudit: 'audit.verify',
} as const

export type JobName = (typeof JOBS)[keyof typeof JOBS]

/** Data carried by each job: ids of our own records, never personal data. */
export type JobData = {
  [JOBS.issueReward]: { rewardId: number }
  [JOBS.sendSms]: { messageId: number }
  /** The minute cron fired for, so each minute enqueues once however many processes fire. */
  [JOBS.sweepRewards]: { slot: string }
  [JOBS.purgeSmsOutbox]: { slot: string }
  [JOBS.verifyAudit]: { slot: string }
}
