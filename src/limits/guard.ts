import { createLocalReq, type PayloadRequest } from 'payload'
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

import { JOBS } from '../../jobs/names'
import { enqueue } from '../../jobs/queue'
import { recordAudit } from '../lib/audit'
import { TooManyRequests } from '../lib/errors'
import { phonePrefix } from '../lib/phone'
import { clientKey, phoneKey } from './clientKey'
import { limiters } from './store'

/** Seconds to wait, from a limiter's rejection. */
const waitOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000))

/** Said when the limit store cannot be reached: we refuse rather than send unchecked SMS. */
const UNAVAILABLE = 'Sign-in codes are briefly unavailable. Please try again in a minute.'

/**
 * Takes one point from `limiter` for `key`. A limit of 0 points is off. A rejection becomes a
 * 429 with `message`; any other failure (Redis down) a 503: fail closed.
 */
const take = async (limiter: RateLimiterAbstract, key: string, message: string) => {
  if (limiter.points === 0) return
  await redisReady()
  try {
    await limiter.consume(key)
  } catch (err) {
    if (err instanceof RateLimiterRes) throw new TooManyRequests(message, waitOf(err))
    throw new TooManyRequests(UNAVAILABLE, 30, 503)
  }
}

/** Waits briefly for a connection still being made (the first request after start). */
const redisReady = async (timeoutMs = 2000) => {
  const { redis } = limiters()
  if (!redis || redis.status === 'ready') return
  if (redis.status === 'end') return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, timeoutMs)
    function done() {
      clearTimeout(timer)
      redis?.off('ready', done)
      resolve()
    }
    redis.once('ready', done)
  })
}

/**
 * Once per budget window, says that the SMS circuit breaker opened: an ERROR line for the
 * operator's monitoring, an `sms.budget-exhausted` audit entry (the admin dashboard shows it as
 * a banner while the window lasts) and an `sms-budget.alert` job that emails the admins. Written
 * outside the request's transaction, which a refused request may roll back.
 */
const alertBudgetExhausted = async (req: PayloadRequest, retryAfter: number) => {
  const { redis, smsBudget } = limiters()
  const window = Math.floor(Date.now() / (smsBudget.duration * 1000))
  const key = `${process.env.RATE_LIMIT_PREFIX || 'bayanet'}:alert:sms-budget:${window}`
  const first = redis
    ? (await redis.set(key, '1', 'EX', smsBudget.duration, 'NX').catch(() => null)) === 'OK'
    : markOnce(key)
  if (!first) return
  const reopensAt = new Date(Date.now() + retryAfter * 1000).toISOString()
  req.payload.logger.error({
    alert: 'sms-budget-exhausted',
    msg: `ALERT: the hourly SMS budget (${smsBudget.points}) is spent; no more codes go out for ${retryAfter} s. Possible SMS pumping.`,
  })
  const own = await createLocalReq({}, req.payload)
  await recordAudit(own, {
    action: 'sms.budget-exhausted',
    entity: 'sms-outbox',
    entityId: 'budget',
    actor: { type: 'system' },
    data: { budget: smsBudget.points, reopensInSeconds: retryAfter, reopensAt },
  }).catch((err) => req.payload.logger.error({ msg: 'could not audit the SMS budget alert', err }))
  await enqueue(
    JOBS.alertSmsBudget,
    { window: String(window), budget: smsBudget.points, reopensAt },
    { uniqueBy: { 'data.window': String(window) } },
  ).catch((err) => req.payload.logger.error({ msg: 'could not queue the SMS budget email', err }))
}

const alerted = new Set<string>()
const markOnce = (key: string) => (alerted.has(key) ? false : Boolean(alerted.add(key)))

/**
 * Checks every limit on sending a code to `phone` for a client at `ip`, cheapest and most
 * attacker-specific first: the client's IP, the number's block, the phone's pacing and hourly
 * count, and last the deployment's hourly SMS budget (the circuit breaker).
 */
export const guardCodeRequest = async (
  req: PayloadRequest,
  { phone, ip }: { phone: string; ip?: string },
) => {
  const set = limiters()
  await take(set.ip, clientKey(ip), 'Too many code requests from your network. Try again later.')
  await take(
    set.prefix,
    phonePrefix(phone),
    'Too many code requests for numbers like this one. Try again later.',
  )
  await take(
    set.resend,
    phoneKey(phone),
    'A code was just sent. Wait a moment before asking again.',
  )
  await take(set.phone, phoneKey(phone), 'Too many codes for this number. Try again later.')
  try {
    await take(
      set.smsBudget,
      'all',
      'We are sending too many codes right now. Please try again later.',
    )
  } catch (err) {
    if (err instanceof TooManyRequests && err.status === 429) {
      await alertBudgetExhausted(req, err.retryAfterSeconds)
    }
    throw err
  }
}

/** Checks the per-IP limit on checking codes. */
export const guardCodeCheck = async ({ ip }: { ip?: string }) =>
  take(limiters().verifyIp, clientKey(ip), 'Too many attempts from your network. Try again later.')

/** After a successful sign-in the phone's own counters start afresh. */
export const resetPhoneLimits = async (phone: string) => {
  const set = limiters()
  const key = phoneKey(phone)
  await Promise.all([set.resend.delete(key), set.phone.delete(key)]).catch(() => undefined)
}

/** Whether the limit store answers (for /readyz and the tests). */
export const limitsReachable = async () => {
  const { redis } = limiters()
  if (!redis) return true
  return redis.ping().then(
    () => true,
    () => false,
  )
}
