import { account } from './rules/account'
import { captureTime } from './rules/captureTime'
import { duplicatePhoto } from './rules/duplicatePhoto'
import { location } from './rules/location'
import { sharedDevice } from './rules/sharedDevice'
import { velocity } from './rules/velocity'
import { DEFAULT_SETTINGS, MAX_SCORE } from './settings'
import type { Reason, Rule, RuleSettings, ScoringContext } from './types'

/** Every rule, in the order reviewers read their reasons. */
export const RULES: Rule[] = [
  duplicatePhoto,
  sharedDevice,
  velocity,
  location,
  captureTime,
  account,
]

/** Per-task thresholds: below `approveBelow` approves itself; above `rejectAbove` rejects. */
export type Thresholds = {
  approveBelow: number
  /** null: never reject automatically; everything at or above `approveBelow` goes to a person. */
  rejectAbove: number | null
}

/**
 * Used when a task sets none: nothing is decided automatically until a manager opts in (a
 * submission is still scored, and reviewers see why).
 */
export const DEFAULT_THRESHOLDS: Thresholds = { approveBelow: 0, rejectAbove: null }

/** Where a score sends a submission. */
export type Route = 'auto_approve' | 'review' | 'auto_reject'

/** A score (0–100), its reasons (points first) and where it sends the submission. */
export type Verdict = { score: number; reasons: Reason[]; route: Route }

/** Routes a score through a task's thresholds. */
export const routeFor = (score: number, thresholds: Thresholds): Route => {
  if (score < thresholds.approveBelow) return 'auto_approve'
  if (thresholds.rejectAbove != null && score > thresholds.rejectAbove) return 'auto_reject'
  return 'review'
}

/** Runs every rule over one submission's context. Pure: same context, same verdict. */
export const scoreSubmission = (
  ctx: ScoringContext,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  settings: RuleSettings = DEFAULT_SETTINGS,
  rules: Rule[] = RULES,
): Verdict => {
  const reasons = rules.flatMap((rule) => rule(ctx, settings))
  reasons.sort((a, b) => b.points - a.points)
  const score = Math.min(
    MAX_SCORE,
    reasons.reduce((sum, r) => sum + r.points, 0),
  )
  return { score, reasons, route: routeFor(score, thresholds) }
}
