import { expect, inject } from 'vitest'

/** A JSON response: status, headers and parsed body. */
export type ApiResponse<T = any> = { status: number; headers: Headers; body: T }

/** Calls the running host. `token` is sent as Payload's JWT header. */
export const api = async <T = any>(
  method: string,
  path: string,
  {
    token,
    body,
    headers = {},
  }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> => {
  const res = await fetch(`${inject('baseUrl')}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `JWT ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON: keep the text so assertions can show it
  }
  return { status: res.status, headers: res.headers, body: parsed as T }
}

/** The first error message in Payload's `{ errors: [{ message }] }` shape. */
export const errorMessage = (res: ApiResponse) => String(res.body?.errors?.[0]?.message ?? '')

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export const eventually = async <T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  what = 'condition',
) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await check()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Uploads a photo proof as the resident's app does (multipart `file` to `POST /api/proofs`). */
export const uploadProof = async (token: string, bytes: Buffer, filename = 'photo.jpg') => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), filename)
  const res = await fetch(`${inject('baseUrl')}/api/proofs`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
    body: form,
  })
  const body = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(201)
  return body.doc.id as number
}
