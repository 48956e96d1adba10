import cron, { type ScheduledTask } from 'node-cron'

import { JOBS, type JobName } from '../names'
import { enqueue } from '../queue'

/** Periodic work: node-cron only fires; Agenda's unique jobs make it run once per cluster. */
export const SCHEDULE: { expression: string; job: JobName }[] = [
  { expression: '*/1 * * * *', job: JOBS.sweepRewards },
  { expression: '17 * * * *', job: JOBS.purgeSmsOutbox },
  { expression: '41 * * * *', job: JOBS.verifyAudit },
]

/** Starts the timers; returns a function that stops them. */
export const startCron = (log: (msg: string, err?: unknown) => void) => {
  const tasks: ScheduledTask[] = SCHEDULE.map(({ expression, job }) =>
    cron.schedule(expression, async () => {
      try {
        // Every process fires; the minute's slot makes the second enqueue a no-op.
        const slot = new Date().toISOString().slice(0, 16)
        await enqueue(job, { slot }, { uniqueBy: { 'data.slot': slot } })
      } catch (err) {
        log(`could not enqueue ${job}`, err)
      }
    }),
  )
  return () => tasks.forEach((task) => task.stop())
}
