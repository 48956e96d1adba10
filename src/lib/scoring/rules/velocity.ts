import { POINTS } from '../settings'
import type { Reason, Rule } from '../types'

/** Faster than a person does civic work: many submissions in an hour, or quick retries. */
export const velocity: Rule = (ctx, settings) => {
  const reasons: Reason[] = []
  const { lastHour, thisTaskLastHour } = ctx.velocity
  if (lastHour > settings.perHour) {
    const extra = lastHour - settings.perHour
    reasons.push({
      rule: 'velocity',
      points: Math.min(
        POINTS.velocityMax,
        POINTS.velocityBase + POINTS.velocityPerExtra * (extra - 1),
      ),
      en: `${lastHour} submissions from this resident in the past hour (more than ${settings.perHour}).`,
      fil: `${lastHour} submission mula sa residenteng ito sa nakaraang oras (higit sa ${settings.perHour}).`,
    })
  }
  if (thisTaskLastHour > settings.perTaskPerHour) {
    reasons.push({
      rule: 'velocity',
      points: POINTS.taskVelocity,
      en: `${thisTaskLastHour} submissions to this task from this resident in the past hour (more than ${settings.perTaskPerHour}).`,
      fil: `${thisTaskLastHour} submission sa task na ito mula sa residenteng ito sa nakaraang oras (higit sa ${settings.perTaskPerHour}).`,
    })
  }
  return reasons
}
