import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'

import { runOncePerCluster } from './runOnce'

/** One periodic task: when it fires (cron syntax, seconds optional) and what it runs. */
export type Periodic = { name: string; expression: string; run: () => Promise<unknown> }

/**
 * Starts the timers. Each firing runs its task once per cluster (see `runOncePerCluster`);
 * `stop` stops the timers and waits for runs in progress, so a SIGTERM drains them.
 */
export const startCron = (
  payload: Payload,
  schedule: Periodic[],
  log: (msg: string, err?: unknown) => void,
) => {
  const running = new Set<Promise<unknown>>()
  const tasks: ScheduledTask[] = schedule.map(({ name, expression, run }) =>
    cron.schedule(expression, (context) => {
      // The scheduled second, not the moment this process got round to it: the same in every worker.
      const slot = new Date(Math.floor(context.date.getTime() / 1000) * 1000).toISOString()
      const done = runOncePerCluster(payload, name, slot, run)
        .catch((err) => log(`periodic ${name} failed`, err))
        .finally(() => running.delete(done))
      running.add(done)
    }),
  )
  return async () => {
    tasks.forEach((task) => task.stop())
    await Promise.all([...running])
  }
}
