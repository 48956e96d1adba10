import type { ScoringContext } from './types'

const SENT = '2026-11-27T02:00:00.000Z'

/**
 * A clean submission for the rules' specs: an old account in Marikina, a fresh photo, a location
 * in its barangay, nothing shared. Each spec overrides the part it is about.
 */
export const cleanContext = (over: Partial<ScoringContext> = {}): ScoringContext => ({
  submission: { id: 10, createdAt: SENT, location: { lat: 14.65, lng: 121.1, accuracy: 20 } },
  task: { id: 3, startsAt: '2026-11-01T00:00:00.000Z', area: null },
  resident: {
    id: 7,
    createdAt: '2026-06-01T00:00:00.000Z',
    homeBarangayChangedAt: null,
    home: { label: 'Nangka, City of Marikina', lat: 14.67, lng: 121.11 },
  },
  photo: { capturedAt: '2026-11-27T01:50:00.000Z', hash: 'be9c99a56512aa59' },
  duplicates: [],
  velocity: { lastHour: 1, thisTaskLastHour: 1 },
  sharing: {
    deviceId: '5b0f7c1e-7a3c-4f4e-9d5e-2f1a0c9b8e7d',
    residentsOnDevice: 0,
    residentsOnIp: 0,
  },
  ...over,
})

/** The moment `cleanContext` was submitted, minus `hours`. */
export const hoursBeforeSent = (hours: number) =>
  new Date(Date.parse(SENT) - hours * 3_600_000).toISOString()
