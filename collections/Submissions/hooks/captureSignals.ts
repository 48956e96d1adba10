import { createHmac } from 'node:crypto'
import type { CollectionBeforeChangeHook } from 'payload'

import { HttpError } from '../../../src/lib/errors'
import { clientIp } from '../../../src/lib/http'

/** A keyed hash of an IP: equal for equal IPs, and no address in the database. */
export const hashIp = (ip: string) =>
  createHmac('sha256', `bayanet-ip:${process.env.PAYLOAD_SECRET ?? ''}`)
    .update(ip)
    .digest('hex')
    .slice(0, 32)

/**
 * On a new submission, keeps the signals scoring reads: the device id the app sent (checked),
 * and a keyed hash of the request's IP. Anything a client sent as `ipHash` is replaced.
 */
export const captureSignals: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const deviceId = data.deviceId
  if (deviceId != null && deviceId !== '') {
    if (typeof deviceId !== 'string' || !/^[\w.:-]{8,100}$/.test(deviceId.trim())) {
      throw new HttpError(
        '"deviceId" must be the id the app keeps on this device: 8–100 letters, digits, - or _.',
        400,
      )
    }
    data.deviceId = deviceId.trim()
  } else {
    data.deviceId = null
  }
  const ip = clientIp(req)
  data.ipHash = ip ? hashIp(ip) : null
  return data
}
