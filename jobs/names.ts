/** Every Agenda job name, so producers and the worker cannot drift apart. */
export const JOBS = {
  issueReward: 'reward.issue',
  reconcilePayouts: 'payout.reconcile',
  alertPayout: 'payout.alert',
  sendSms: 'sms.send',
  purgeSmsOutbox: 'sms-outbox.purge',
  verifyAudit: 'audit.verify',
  alertSmsBudget: 'sms-budget.alert',
  scoreSubmission: 'submission.score',
} as const

export type JobName = (typeof JOBS)[keyof typeof JOBS]

/** Data carried by each job: ids of our own records, never personal data. */
export type JobData = {
  /** `attempt`: the reward's attempt when queued, so a later retry is a new job. */
  [JOBS.issueReward]: { rewardId: number; attempt?: number }
  /** One reward, or (no id) every `issuing` reward due for a look-up. */
  [JOBS.reconcilePayouts]: { rewardId?: number }
  /** `attempt`: the reward's attempt the alert is about (a staff retry since makes it stale). */
  [JOBS.alertPayout]: { rewardId: number; reason: string; attempt?: number }
  [JOBS.sendSms]: { messageId: number }
  [JOBS.purgeSmsOutbox]: { slot: string }
  [JOBS.verifyAudit]: { slot: string }
  /** `window`: the budget's hour, so the alert goes out once per window. */
  [JOBS.alertSmsBudget]: { window: string; budget: number; reopensAt: string }
  [JOBS.scoreSubmission]: { submissionId: number }
}
