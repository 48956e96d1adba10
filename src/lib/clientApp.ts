import express from 'express'
import fs from 'node:fs'
import path from 'node:path'

import { clientDist } from './clientBuild'

/** Paths the host answers itself; everything else that asks for HTML is the app's. */
const HOST_PATHS = /^\/(api|admin|_next|healthz|readyz|metrics)(\/|$)/

/** Files that must be revalidated on every visit, so a new release reaches residents. */
const FRESH = new Set(['/index.html', '/sw.js', '/manifest.webmanifest'])

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
}

/**
 * The resident PWA from client/dist: hashed assets cached for a year and sent precompressed
 * (Brotli or gzip, made at build time) when the browser takes it; index.html, sw.js and the
 * manifest revalidated; and index.html for any other page a browser asks for (client routes).
 */
export const clientApp = (root: string, starting: () => string | undefined) => {
  const dist = clientDist(root)
  const router = express.Router()

  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const accepts = String(req.headers['accept-encoding'] ?? '')
    const file = path.join(dist, path.normalize(req.path))
    if (!file.startsWith(dist + path.sep)) return next()
    const type = TYPES[path.extname(file)]
    if (!type) return next()
    for (const [encoding, ext] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (!accepts.includes(encoding) || !fs.existsSync(file + ext)) continue
      res.set({
        'Content-Encoding': encoding,
        'Content-Type': type,
        Vary: 'Accept-Encoding',
        'Cache-Control': req.path.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      })
      return res.sendFile(file + ext)
    }
    next()
  })
  router.use(
    express.static(dist, {
      index: false,
      setHeaders: (res, file) => {
        const rel = '/' + path.relative(dist, file)
        if (rel.startsWith('/assets/'))
          res.set('Cache-Control', 'public, max-age=31536000, immutable')
        else if (FRESH.has(rel)) res.set('Cache-Control', 'no-cache')
      },
    }),
  )
  // Client routes (/feed, /tasks/12 …): the app's shell; its router draws the screen.
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || HOST_PATHS.test(req.path)) return next()
    // A missing file (an old asset, a typo) is a 404, not the app.
    if (req.path.startsWith('/assets/') || /\.\w+$/.test(req.path)) return next()
    if (!req.accepts('html')) return next()
    const index = path.join(dist, 'index.html')
    if (!fs.existsSync(index)) {
      res.status(503).set('Retry-After', '5').type('html')
      return void res.send(
        `<!doctype html><meta http-equiv="refresh" content="5"><title>Bayanet</title><p>Bayanet is starting: ${starting() ?? 'building the app'}. This page reloads by itself.</p>`,
      )
    }
    res.set('Cache-Control', 'no-cache')
    res.sendFile(index)
  })
  return router
}
