import type { MessageKey } from '../i18n'

/** A failed call: the server's message, a translated key when we know what it means. */
export type ApiError = {
  status: number
  message: string
  /** A dictionary key for the resident's language, when the app recognises the failure. */
  key?: MessageKey
  /** Seconds from a 429's Retry-After. */
  retryAfter?: number
  /** Payload's per-field messages (`data.errors[].path`), for showing next to the field. */
  fields?: Record<string, string>
}

/** The outcome of a call: data or error, never a throw. */
export type ApiResult<T> =
  { ok: true; status: number; data: T; headers: Headers } | { ok: false; error: ApiError }

/** Endpoints whose 401 means a wrong code, not a lost session. */
const CODE_CHECK = /\/otp\/|\/payout-account\/confirm$/

/** Fired on 401 so the app can send the resident back to sign-in. */
export const onUnauthorized = new EventTarget()

/** Seconds in a Retry-After header, when it has a positive number. */
export const retryAfter = (headers: Headers) => {
  const value = Number(headers.get('retry-after'))
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined
}

/** A 403 for a consent the resident turned off (or never gave): which one, in their words. */
const consentKey = (status: number, data: unknown): MessageKey | undefined => {
  const { missing, reason } = (data ?? {}) as { missing?: unknown; reason?: unknown }
  if (status !== 403 || !Array.isArray(missing) || typeof reason !== 'string') return undefined
  if (missing.includes('photos')) return 'err.consentPhotos'
  if (missing.includes('location')) return 'err.consentLocation'
  return undefined
}

const readError = async (res: Response): Promise<ApiError> => {
  const body = await res.json().catch(() => undefined)
  const first = body?.errors?.[0]
  const fields: Record<string, string> = {}
  for (const item of first?.data?.errors ?? []) {
    if (item?.path) fields[item.path] = item.message
  }
  const retry = retryAfter(res.headers)
  return {
    status: res.status,
    message: String(first?.message ?? body?.message ?? res.statusText),
    retryAfter: retry,
    fields,
    key:
      res.status === 429
        ? 'err.tooMany'
        : res.status >= 500
          ? 'err.generic'
          : consentKey(res.status, first?.data),
  }
}

/** Calls the Bayanet API on this origin with the session cookie. */
export const api = async <T = any>(
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> => {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined || body instanceof FormData
          ? {}
          : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    })
  } catch {
    return { ok: false, error: { status: 0, message: 'offline', key: 'err.network' } }
  }
  if (!res.ok) {
    const error = await readError(res)
    if (res.status === 401 && !CODE_CHECK.test(path)) onUnauthorized.dispatchEvent(new Event('401'))
    return { ok: false, error }
  }
  const data = res.status === 204 ? undefined : await res.json().catch(() => undefined)
  return { ok: true, status: res.status, data: data as T, headers: res.headers }
}
