import type { DateField } from 'payload'

/** The one timezone Bayanet's staff work in. */
export const MANILA = 'Asia/Manila'

/**
 * A date and time entered and shown in Manila time (Payload's timezone support stores the
 * instant in UTC and the zone beside it, as `<name>_tz`). Picking "8:00 AM" means 08:00 in
 * Manila, 00:00 UTC, whatever the browser's own clock says.
 */
export const manilaDate = (
  name: string,
  description?: string,
  extra: Partial<DateField> = {},
): DateField => ({
  name,
  type: 'date',
  timezone: {
    defaultTimezone: MANILA,
    supportedTimezones: [{ label: 'Manila (PHT, UTC+8)', value: MANILA }],
  },
  ...extra,
  admin: {
    date: {
      pickerAppearance: 'dayAndTime',
      displayFormat: 'd MMM yyyy, h:mm a',
      timeIntervals: 15,
    },
    description,
    ...extra.admin,
  },
})
