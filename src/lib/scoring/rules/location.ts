import { formatDistance, distanceM } from '../format'
import { POINTS } from '../settings'
import type { Reason, Rule } from '../types'

/** GPS accuracy we give the benefit of the doubt, at most (a phone indoors reports kilometres). */
const MAX_ACCURACY_M = 500

/**
 * Not where the work is: outside the task's area (a point and radius, when the task has one), or
 * far from the resident's home barangay (when that barangay has coordinates).
 */
export const location: Rule = (ctx, settings) => {
  const reasons: Reason[] = []
  const here = ctx.submission.location
  const area = ctx.task.area
  if (area && !here) {
    reasons.push({
      rule: 'outside_task_area',
      points: POINTS.noLocationForArea,
      en: 'No location was sent, but this task must be done in a particular area.',
      fil: 'Walang lokasyong ipinadala, pero dapat gawin ang task na ito sa isang tiyak na lugar.',
    })
  }
  if (area && here) {
    const away = distanceM(here, area)
    const slack = Math.min(here.accuracy ?? 0, MAX_ACCURACY_M)
    if (away > area.radiusM + slack) {
      reasons.push({
        rule: 'outside_task_area',
        points: POINTS.outsideArea,
        en: `The location is ${formatDistance(away)} from the centre of the task's area (allowed: ${formatDistance(area.radiusM)}).`,
        fil: `Ang lokasyon ay ${formatDistance(away)} mula sa gitna ng lugar ng task (pinapayagan: ${formatDistance(area.radiusM)}).`,
      })
    }
  }
  const home = ctx.resident.home
  if (here && home) {
    if (home.lat == null || home.lng == null) {
      reasons.push({
        rule: 'far_from_barangay',
        points: 0,
        en: `${home.label} has no coordinates yet; distance from the resident's barangay not checked.`,
        fil: `Wala pang coordinates ang ${home.label}; hindi nasuri ang layo mula sa barangay ng residente.`,
      })
    } else {
      const away = distanceM(here, { lat: home.lat, lng: home.lng })
      if (away > settings.nearbyKm * 1000) {
        reasons.push({
          rule: 'far_from_barangay',
          points: POINTS.farFromBarangay,
          en: `The location is ${formatDistance(away)} from the resident's barangay (${home.label}).`,
          fil: `Ang lokasyon ay ${formatDistance(away)} mula sa barangay ng residente (${home.label}).`,
        })
      }
    }
  }
  return reasons
}
