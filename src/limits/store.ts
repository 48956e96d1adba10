import { Redis } from 'ioredis'
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'

import { readLimits, type Limit, type Limits } from './config'

/** The limiters by name, and the Redis connection behind them when there is one. */
export type LimiterSet = {
  [K in keyof Limits]: RateLimiterAbstract
} & { redis?: Redis }

const KEY = Symbol.for('bayanet.limiters')
type Holder = { [KEY]?: LimiterSet }

/**
 * Builds the limiters: in Redis when REDIS_URL is set (shared by every web process), in this
 * process otherwise. Redis commands are not queued while it is unreachable: they fail at once,
 * and the callers fail closed (no SMS goes out).
 */
const build = (): LimiterSet => {
  const limits = readLimits()
  const prefix = process.env.RATE_LIMIT_PREFIX || 'bayanet'
  const url = process.env.REDIS_URL
  const redis = url
    ? new Redis(url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: 2000,
        lazyConnect: false,
        retryStrategy: (times) => Math.min(times * 200, 2000),
      })
    : undefined
  // ioredis reports every failed reconnect; the callers already answer "try again".
  redis?.on('error', () => undefined)
  const make = (name: string, { points, seconds }: Limit) =>
    redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${prefix}:${name}`,
          points,
          duration: seconds,
          rejectIfRedisNotReady: true,
        })
      : new RateLimiterMemory({ keyPrefix: `${prefix}:${name}`, points, duration: seconds })
  const set = Object.fromEntries(
    Object.entries(limits).map(([name, limit]) => [name, make(name, limit)]),
  ) as unknown as LimiterSet
  set.redis = redis
  return set
}

/**
 * The process's limiters. Kept on globalThis because Next's bundle and the Express host each
 * load this module, and the in-process store must be one.
 */
export const limiters = (): LimiterSet => {
  const holder = globalThis as Holder
  holder[KEY] ??= build()
  return holder[KEY]
}
