import { SmsSendError } from './types'

/** Seconds from a Retry-After header (seconds or an HTTP date); undefined when absent. */
export const retryAfterSeconds = (value: string | null, now = Date.now()) => {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

/**
 * POSTs to a provider and returns the parsed JSON on 2xx. 429 and 5xx (and network failures or
 * a timeout) are retryable; other 4xx are not. The error never carries the message text.
 */
export const postToProvider = async (
  provider: string,
  url: string,
  init: { headers: Record<string, string>; body: string },
  timeoutMs = 10_000,
) => {
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (err) {
    throw new SmsSendError(`${provider}: ${(err as Error).name}`, true)
  }
  const text = await res.text()
  if (res.ok) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      throw new SmsSendError(`${provider}: answered ${res.status} without JSON`, true)
    }
  }
  const retryable = res.status === 429 || res.status >= 500
  throw new SmsSendError(
    `${provider}: HTTP ${res.status}`,
    retryable,
    retryAfterSeconds(res.headers.get('retry-after')),
  )
}
