import { headersWithCors, type PayloadRequest } from 'payload'
import { HttpError } from './errors'

/** A JSON error in Payload's own shape: `{ errors: [{ message }] }`. */
export const errorResponse = (
  req: PayloadRequest,
  message: string,
  status: number,
  headers: Record<string, string> = {},
) =>
  Response.json(
    { errors: [{ message }] },
    { status, headers: headersWithCors({ headers: new Headers(headers), req }) },
  )

/** A JSON success response with Payload's CORS headers. */
export const jsonResponse = (
  req: PayloadRequest,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
) =>
  Response.json(body, { status, headers: headersWithCors({ headers: new Headers(headers), req }) })

/** The request body as a JSON object; a clear 400 when it is missing or not JSON. */
export const readJsonBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  let body: unknown
  try {
    body = req.json ? await req.json() : undefined
  } catch {
    throw new HttpError('The request body must be JSON.', 400)
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError('Send a JSON object in the request body.', 400)
  }
  return body as Record<string, unknown>
}

/**
 * The header in which the Express host hands Next the client's IP, worked out under
 * TRUST_PROXY. The host always overwrites it, so a client cannot choose its own.
 */
export const CLIENT_IP_HEADER = 'x-bayanet-client-ip'

/** The client's IP as the Express host determined it. */
export const clientIp = (req: PayloadRequest) => req.headers.get(CLIENT_IP_HEADER) || undefined
