import { formatDate } from '../format'
import { POINTS } from '../settings'
import type { Rule } from '../types'

/** Clocks disagree by this much before a photo counts as taken after it was sent. */
const CLOCK_SKEW_MS = 10 * 60_000

/**
 * An old photo: taken before the task started, or long before it was submitted; or a capture
 * time after the submission, which means the camera's clock was set.
 */
export const captureTime: Rule = (ctx, settings) => {
  if (!ctx.photo) return []
  const taken = ctx.photo.capturedAt
  if (!taken) {
    return [
      {
        rule: 'capture_time',
        points: 0,
        en: 'The photo has no capture time; when it was taken was not checked.',
        fil: 'Walang oras ng pagkuha ang larawan; hindi nasuri kung kailan ito kinunan.',
      },
    ]
  }
  const takenMs = Date.parse(taken)
  const sentMs = Date.parse(ctx.submission.createdAt)
  const startsAt = ctx.task.startsAt
  if (startsAt && takenMs < Date.parse(startsAt)) {
    return [
      {
        rule: 'capture_time',
        points: POINTS.capturedBeforeStart,
        en: `The photo was taken on ${formatDate(taken)}, before the task started (${formatDate(startsAt)}).`,
        fil: `Kinunan ang larawan noong ${formatDate(taken)}, bago nagsimula ang task (${formatDate(startsAt)}).`,
      },
    ]
  }
  const days = Math.floor((sentMs - takenMs) / 86_400_000)
  if (days >= settings.staleCaptureDays) {
    return [
      {
        rule: 'capture_time',
        points: POINTS.capturedLongBefore,
        en: `The photo was taken ${days} days before it was submitted (on ${formatDate(taken)}).`,
        fil: `Kinunan ang larawan ${days} araw bago ito ipinadala (noong ${formatDate(taken)}).`,
      },
    ]
  }
  if (takenMs > sentMs + CLOCK_SKEW_MS) {
    return [
      {
        rule: 'capture_time',
        points: POINTS.capturedAfterSubmission,
        en: "The photo's capture time is after the submission was sent; the camera's clock was probably changed.",
        fil: 'Mas huli ang oras ng pagkuha ng larawan kaysa sa pagpapadala; malamang binago ang oras ng camera.',
      },
    ]
  }
  return []
}
