import type { RequestHandler } from 'express'
import helmet from 'helmet'

/**
 * The Content-Security-Policy for every response: the admin (Next, which bootstraps with inline
 * scripts and styles) and the resident app (a Vite-built Preact app with a service worker) are
 * served from this origin and load nothing from anywhere else.
 */
export const cspDirectives = (https: boolean) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-inline'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  frameSrc: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: https ? [] : null,
})

/** Security headers on every response (helmet); HSTS only when the public URL is https. */
export const securityHeaders = (publicUrl = process.env.PUBLIC_URL ?? ''): RequestHandler => {
  const https = publicUrl.startsWith('https://')
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(https) },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // The admin and the app are same-origin; nothing here is meant to be embedded elsewhere.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  })
}

/**
 * Drops `X-Powered-By` however it is set: Next and Payload add their own after Express's
 * `disable('x-powered-by')` has no say.
 */
export const noPoweredBy: RequestHandler = (_req, res, next) => {
  const setHeader = res.setHeader.bind(res)
  res.setHeader = (name, value) =>
    name.toLowerCase() === 'x-powered-by' ? res : setHeader(name, value)
  const appendHeader = res.appendHeader?.bind(res)
  if (appendHeader) {
    res.appendHeader = (name, value) =>
      name.toLowerCase() === 'x-powered-by' ? res : appendHeader(name, value)
  }
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res
  res.writeHead = ((...args: unknown[]) => {
    res.removeHeader('x-powered-by')
    const headers = args.find((arg, i) => i > 0 && arg && typeof arg === 'object')
    if (headers && !Array.isArray(headers)) {
      for (const key of Object.keys(headers)) {
        if (key.toLowerCase() === 'x-powered-by') delete (headers as Record<string, unknown>)[key]
      }
    }
    return writeHead(...args)
  }) as typeof res.writeHead
  next()
}
