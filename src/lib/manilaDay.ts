/** Manila is UTC+8 all year (no daylight saving). */
const MANILA_OFFSET_MS = 8 * 60 * 60 * 1000

/** The instant today began in Manila. */
export const startOfManilaDay = (now = new Date()) => {
  const local = new Date(now.getTime() + MANILA_OFFSET_MS)
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - MANILA_OFFSET_MS,
  )
}
