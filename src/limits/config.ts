/** One limit: at most `points` in `seconds`. */
export type Limit = { points: number; seconds: number }

const number = (name: string, fallback: number, env: NodeJS.ProcessEnv) => {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number ≥ 0 (got "${raw}")`)
  }
  return value
}

/**
 * Every limit on the sign-in door, read from the environment (see the README's table). The
 * defaults hold a single client to ≤ 8 SMS an hour, under one phone's 10, so that a stranger
 * alone cannot use up a resident's codes.
 */
export const readLimits = (env: NodeJS.ProcessEnv = process.env) => ({
  /** One code per phone per this many seconds. */
  resend: { points: 1, seconds: number('OTP_RESEND_SECONDS', 30, env) },
  /** Codes to one phone. */
  phone: {
    points: number('OTP_PHONE_LIMIT', 10, env),
    seconds: number('OTP_PHONE_WINDOW_SECONDS', 3600, env),
  },
  /** Code requests from one client IP. */
  ip: {
    points: number('OTP_IP_LIMIT', 8, env),
    seconds: number('OTP_IP_WINDOW_SECONDS', 3600, env),
  },
  /** Codes to one block of 10,000 numbers (the number without its last four digits). */
  prefix: {
    points: number('OTP_PREFIX_LIMIT', 20, env),
    seconds: number('OTP_PREFIX_WINDOW_SECONDS', 3600, env),
  },
  /** Code checks (sign-in and payout confirmations) from one client IP. */
  verifyIp: {
    points: number('OTP_VERIFY_IP_LIMIT', 60, env),
    seconds: number('OTP_VERIFY_IP_WINDOW_SECONDS', 3600, env),
  },
  /** SMS of every kind, for the whole deployment, per hour: the circuit breaker. */
  smsBudget: { points: number('SMS_HOURLY_BUDGET', 300, env), seconds: 3600 },
})

/** The parsed limits. */
export type Limits = ReturnType<typeof readLimits>
