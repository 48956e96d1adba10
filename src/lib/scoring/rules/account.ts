import { hoursBetween, hoursEn } from '../format'
import { POINTS } from '../settings'
import type { Reason, Rule } from '../types'

/** A brand-new account, or a home barangay changed just before submitting (to qualify). */
export const account: Rule = (ctx, settings) => {
  const reasons: Reason[] = []
  const sent = ctx.submission.createdAt
  const age = hoursBetween(ctx.resident.createdAt, sent)
  if (age < settings.newAccountHours) {
    reasons.push({
      rule: 'new_account',
      points: POINTS.newAccount,
      en: `New account: created ${age < 1 ? 'less than an hour' : hoursEn(age)} before this submission.`,
      fil: `Bagong account: ginawa ${age < 1 ? 'wala pang isang oras' : `${age} oras`} bago ang submission na ito.`,
    })
  }
  const changed = ctx.resident.homeBarangayChangedAt
  if (changed && Date.parse(changed) <= Date.parse(sent)) {
    const since = hoursBetween(changed, sent)
    if (since < settings.barangayChangeHours) {
      reasons.push({
        rule: 'barangay_changed',
        points: POINTS.barangayChanged,
        en: `The home barangay was changed ${since < 1 ? 'less than an hour' : hoursEn(since)} before this submission.`,
        fil: `Pinalitan ang home barangay ${since < 1 ? 'wala pang isang oras' : `${since} oras`} bago ang submission na ito.`,
      })
    }
  }
  return reasons
}
