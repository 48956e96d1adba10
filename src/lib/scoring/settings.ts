import type { RuleSettings } from './types'

/** The rules' limits. Tuned for a pilot; the README explains each. */
export const DEFAULT_SETTINGS: RuleSettings = {
  /** More submissions than this in an hour, over all tasks, is faster than a person walks. */
  perHour: 5,
  /** More than this to one task in an hour: quick retries after rejections. */
  perTaskPerHour: 2,
  /** A submission this far from the resident's home barangay is probably not theirs. */
  nearbyKm: 20,
  /** A photo taken this long before it was submitted was not taken for the task. */
  staleCaptureDays: 7,
  /** Accounts younger than this are new. */
  newAccountHours: 24,
  /** A home barangay changed this recently may have been changed to qualify. */
  barangayChangeHours: 72,
  /** Other residents on one device before it counts as a shared device (a family shares one). */
  devicePeers: 1,
  /** Other residents on one IP in a day before it counts (mobile carriers share IPs widely). */
  ipPeers: 10,
}

/** Points each finding adds. A score is their sum, at most 100. */
export const POINTS = {
  identicalPhoto: 60,
  nearDuplicatePhoto: 45,
  velocityBase: 15,
  velocityPerExtra: 5,
  velocityMax: 40,
  taskVelocity: 20,
  sharedDevice: 20,
  deviceFarm: 40,
  sharedIp: 15,
  outsideArea: 30,
  noLocationForArea: 15,
  farFromBarangay: 15,
  capturedBeforeStart: 30,
  capturedLongBefore: 20,
  capturedAfterSubmission: 15,
  newAccount: 10,
  barangayChanged: 25,
} as const

/** Photos at most this many bits apart are treated as the very same picture. */
export const IDENTICAL_DISTANCE = 2
/** Highest score. */
export const MAX_SCORE = 100
