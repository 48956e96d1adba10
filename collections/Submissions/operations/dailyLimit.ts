import type { PayloadRequest } from 'payload'

import { HttpError } from '../../../src/lib/errors'

/** Submissions one resident may make per day across all tasks (`SUBMISSIONS_PER_DAY`). */
export const dailyLimit = () => {
  const value = Number(process.env.SUBMISSIONS_PER_DAY ?? 20)
  return Number.isInteger(value) && value > 0 ? value : 20
}

const MANILA_OFFSET_MS = 8 * 3600_000

/** Midnight in the Philippines (UTC+8, no daylight saving) before `now`. */
export const startOfManilaDay = (now = Date.now()) =>
  new Date(Math.floor((now + MANILA_OFFSET_MS) / 86_400_000) * 86_400_000 - MANILA_OFFSET_MS)

/**
 * Refuses a resident's submission past the daily limit. Call it holding the resident's lock
 * (see locks.ts), so two submissions cannot both be the last one allowed.
 */
export const checkDailyLimit = async (req: PayloadRequest, residentId: number) => {
  const limit = dailyLimit()
  const { totalDocs } = await req.payload.count({
    collection: 'submissions',
    where: {
      resident: { equals: residentId },
      createdAt: { greater_than_equal: startOfManilaDay().toISOString() },
    },
    overrideAccess: true,
    req,
  })
  if (totalDocs >= limit) {
    throw new HttpError(
      `You have sent ${limit} submissions today, the most for one day. Try again tomorrow.`,
      429,
    )
  }
}
