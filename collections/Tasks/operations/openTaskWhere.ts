import type { Where } from 'payload'

/** Tasks residents can act on now: published and inside their start and end dates. */
export const openTaskWhere = (now = new Date()): Where => ({
  and: [
    { status: { equals: 'published' } },
    { or: [{ startsAt: { exists: false } }, { startsAt: { less_than_equal: now.toISOString() } }] },
    { or: [{ endsAt: { exists: false } }, { endsAt: { greater_than: now.toISOString() } }] },
  ],
})
