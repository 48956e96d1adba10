import { POINTS } from '../settings'
import type { Reason, Rule } from '../types'

/** One phone, many residents: several accounts run from the same device id, or the same IP. */
export const sharedDevice: Rule = (ctx, settings) => {
  const reasons: Reason[] = []
  const { deviceId, residentsOnDevice, residentsOnIp } = ctx.sharing
  if (!deviceId) {
    reasons.push({
      rule: 'shared_device',
      points: 0,
      en: 'The app sent no device id; shared devices not checked.',
      fil: 'Walang device ID na ipinadala ang app; hindi nasuri kung may kahati sa device.',
    })
  } else if (residentsOnDevice >= settings.devicePeers) {
    const farm = residentsOnDevice > settings.devicePeers
    reasons.push({
      rule: 'shared_device',
      points: farm ? POINTS.deviceFarm : POINTS.sharedDevice,
      en: `This device was also used by ${residentsOnDevice} other resident${residentsOnDevice === 1 ? '' : 's'}.`,
      fil: `Ginamit din ang device na ito ng ${residentsOnDevice} pang residente.`,
    })
  }
  if (residentsOnIp >= settings.ipPeers) {
    reasons.push({
      rule: 'shared_ip',
      points: POINTS.sharedIp,
      en: `Sent from an internet address that ${residentsOnIp} other residents used in the past day.`,
      fil: `Ipinadala mula sa internet address na ginamit ng ${residentsOnIp} pang residente sa nakaraang araw.`,
    })
  }
  return reasons
}
