import express from 'express'
import type { Server } from 'node:http'
import path from 'node:path'
import type { Payload } from 'payload'

import type { Worker } from '../jobs/agenda'
import { ConfigError, dataDir, projectRoot, readEnv } from './env'
import type { EmbeddedDatabase } from './lib/embeddedPostgres'
import { clientApp } from './lib/clientApp'
import { noPoweredBy, securityHeaders } from './hardening/headers'
import { tagConsoleWithRequestIds } from './hardening/consoleContext'
import { trustProxySetting, withRequestContext } from './hardening/requestContext'
import { log } from './lib/logger'
import { readiness, type BootState } from './lib/readiness'
import { resolveSecret } from './lib/secret'
import { serveFavicon } from './lib/favicon'

;(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production'
process.env.NEXT_TELEMETRY_DISABLED ??= '1'

// Every console line of a request (the host's, Next's) carries its id.
tagConsoleWithRequestIds()

const env = readEnv()
// `npm start` passes --demo: demo data on by default there, and only there.
const seedDemo = process.env.SEED_DEMO ? env.seedDemo : process.argv.includes('--demo')
const serveHttp = env.role !== 'worker'
const runWorker = env.role !== 'web'

const state: BootState = { phase: 'starting', detail: 'starting' }
let payload: Payload | undefined
let embedded: EmbeddedDatabase | undefined
let worker: Worker | undefined
let nextHandler: ((req: express.Request, res: express.Response) => Promise<void>) | undefined

const app = express()
app.disable('x-powered-by')
// Which X-Forwarded-For hops to believe for the client IP (rate limits): TRUST_PROXY.
app.set('trust proxy', trustProxySetting())
app.use(withRequestContext, noPoweredBy, securityHeaders())

app.get('/healthz', (_req, res) => {
  res.json({
    status: 'ok',
    role: env.role,
    phase: state.phase,
    uptime: Math.round(process.uptime()),
  })
})
app.get('/readyz', async (_req, res) => {
  const result = await readiness(state, payload)
  res.status(result.ready ? 200 : 503).json(result)
})

// Payload's admin and API, once Next has started; until then a clear "starting" answer.
const toNext: express.RequestHandler = (req, res, next) => {
  // app.use strips the mount path; Next routes on the full URL.
  req.url = req.originalUrl
  if (nextHandler) return void nextHandler(req, res).catch(next)
  res.status(503).set('Retry-After', '5')
  if (req.path.startsWith('/api'))
    res.json({ errors: [{ message: `Bayanet is starting: ${state.detail}` }] })
  else
    res
      .type('html')
      .send(
        `<!doctype html><meta http-equiv="refresh" content="5"><title>Bayanet</title><p>Bayanet is starting: ${state.detail}. This page reloads by itself.</p>`,
      )
}
if (serveHttp) {
  app.use(['/admin', '/api', '/_next', '/__nextjs_original-stack-frame'], toNext)
  // The resident app at `/` and its client routes (index.html for /feed, /tasks/12 …).
  app.use(clientApp(projectRoot, () => (state.phase === 'ready' ? undefined : state.detail)))
  serveFavicon(app)
}

const boot = async () => {
  let databaseUrl = env.databaseUrl
  if (!databaseUrl) {
    state.detail = 'starting embedded Postgres'
    // Imported only here: with an external database it has no business in the process.
    const { startEmbeddedPostgres } = await import('./lib/embeddedPostgres')
    embedded = await startEmbeddedPostgres({ databaseDir: path.join(dataDir, 'postgres'), log })
    databaseUrl = embedded.url
    log(`embedded Postgres is running (data in ${path.join(dataDir, 'postgres')})`)
  }
  process.env.DATABASE_URL = databaseUrl
  process.env.PAYLOAD_SECRET = await resolveSecret(env.payloadSecret, dataDir, Boolean(embedded))

  state.detail = 'applying migrations'
  const { startPayload } = await import('./lib/startPayload')
  payload = await startPayload({
    seedDemo,
    adminEmail: env.adminEmail,
    adminPassword: env.adminPassword,
    credentialsFile: path.join(dataDir, 'demo-credentials.txt'),
  })

  if (runWorker) {
    state.detail = 'starting the job worker'
    const { startWorker } = await import('../jobs/agenda')
    worker = await startWorker(payload, databaseUrl)
  }
  if (serveHttp) {
    const { buildClient, clientBuildIsCurrent } = await import('./lib/clientBuild')
    if (!(await clientBuildIsCurrent(projectRoot))) {
      state.detail = 'building the resident app'
      log('building the resident app with vite (first start, or the sources changed)…')
      await buildClient(projectRoot, (line) => log(line))
      log('resident app built')
    }
    const { startNext } = await import('./lib/startNext')
    nextHandler = await startNext(projectRoot, (detail) => (state.detail = detail))
    // The first API request starts Payload inside Next; do it before saying we are ready.
    state.detail = 'warming up the API'
    await fetch(`http://127.0.0.1:${env.port}/api/places?limit=1`).catch(() => undefined)
  }
  state.phase = 'ready'
  state.detail = 'ready'
  log(`ready (${env.role}) on http://localhost:${env.port}${serveHttp ? ' — admin at /admin' : ''}`)
}

/** Closes every Payload instance's pool in this process: the host's and the one inside Next. */
const closePayloadPools = async () => {
  const cached = (globalThis as { _payload?: Map<string, { payload?: Payload }> })._payload
  const instances = new Set([payload, ...[...(cached?.values() ?? [])].map((c) => c.payload)])
  for (const instance of instances) {
    const pool = (instance?.db as unknown as { pool?: { end: () => Promise<void> } } | undefined)
      ?.pool
    // Payload's destroy() leaves the pool open, and its adapter keeps one client checked out for
    // good, so end() would never settle: start it (idle clients close now) and move on.
    pool?.end().catch(() => undefined)
  }
  await new Promise((resolve) => setTimeout(resolve, 200))
}

let server: Server | undefined
let stopping = false
const shutdown = async (signal: string, code = 0) => {
  if (stopping) return
  stopping = true
  state.phase = 'stopping'
  // Ctrl-C also reaches embedded Postgres, which then drops our connections mid-shutdown.
  process.on('uncaughtException', (err) => log('while stopping', err))
  log(`${signal}: shutting down`)
  const force = setTimeout(() => process.exit(code || 1), 25_000)
  force.unref()
  await new Promise<void>((resolve) => {
    if (!server) return resolve()
    server.close(() => resolve())
    server.closeIdleConnections()
    setTimeout(() => server?.closeAllConnections(), 5_000).unref()
  })
  const { cancelAdminBuild } = await import('./lib/adminBuild')
  cancelAdminBuild()
  log('draining jobs')
  await worker?.stop().catch((err) => log('worker did not drain cleanly', err))
  log('closing database connections')
  await closePayloadPools()
  await embedded?.stop().catch((err) => log('embedded Postgres did not stop cleanly', err))
  log('stopped')
  process.exit(code)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

server = app.listen(env.port, (err?: Error) => {
  if (!err) log(`listening on :${env.port} (role ${env.role}); booting…`)
})
server.on('error', (err: NodeJS.ErrnoException) => {
  log(
    err.code === 'EADDRINUSE'
      ? `port ${env.port} is in use; set PORT to another port`
      : 'server error',
    err,
  )
  void shutdown('startup failure', 1)
})
boot().catch((err) => {
  state.phase = 'failed'
  state.detail = err instanceof ConfigError ? err.message : 'startup failed; see the log'
  log(
    err instanceof ConfigError ? err.message : 'startup failed',
    err instanceof ConfigError ? undefined : err,
  )
  if (!(err instanceof ConfigError)) console.error(err)
  void shutdown('startup failure', 1)
})
