/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, simulated slow 4G, 4× CPU slowdown) against the
 * resident app, with a same-run baseline: a bare HTML page served by a plain Node server and
 * audited the same way. Prints each screen's metrics and their ratio to the baseline.
 *
 *   npx tsx bench/lighthouse.ts                         # starts the host (embedded Postgres, demo)
 *   npx tsx bench/lighthouse.ts --url http://127.0.0.1:3000   # an already running host
 *   npx tsx bench/lighthouse.ts --runs 3 --paths /,/sign-in
 *
 * Chromium: /usr/bin/chromium (CHROMIUM_PATH to change). Not part of `npm test`.
 */
import http from 'node:http'
import { parseArgs } from 'node:util'

import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Flags } from 'lighthouse'

import { freePort } from '../src/lib/freePort'
import { cleanup, installCleanupHandlers, makeTempDir, start, stop } from './lib/children'
import { note, tail } from './lib/output'
import { pollUntil } from './lib/probe'
import { median, ratio, table } from './lib/report'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    runs: { type: 'string', default: '3' },
    paths: { type: 'string', default: '/,/sign-in' },
    timeout: { type: 'string', default: '600' },
  },
})
const runs = Math.max(1, Number(values.runs))
const paths = values.paths!.split(',')

/** Lighthouse's own mobile preset: Moto G Power screen, slow 4G, 4× CPU slowdown. */
const SETTINGS = {
  formFactor: 'mobile',
  throttlingMethod: 'simulate',
  throttling: {
    rttMs: 150,
    throughputKbps: 1.6 * 1024,
    requestLatencyMs: 150 * 3.75,
    downloadThroughputKbps: 1.6 * 1024 * 0.9,
    uploadThroughputKbps: 750 * 0.9,
    cpuSlowdownMultiplier: 4,
  },
  screenEmulation: {
    mobile: true,
    width: 412,
    height: 823,
    deviceScaleFactor: 1.75,
    disabled: false,
  },
  onlyCategories: ['performance', 'accessibility', 'best-practices'],
} as const

type Metrics = {
  performance: number
  accessibility: number
  fcp: number
  lcp: number
  tbt: number
  tti: number
  bytes: number
  scriptBytes: number
}

const audit = async (url: string, port: number): Promise<Metrics> => {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' } as Flags, {
    extends: 'lighthouse:default',
    settings: SETTINGS as never,
  })
  if (!result) throw new Error(`no Lighthouse result for ${url}`)
  const { audits, categories } = result.lhr
  const num = (id: string) => Number(audits[id]?.numericValue ?? NaN)
  const items =
    (
      audits['resource-summary']?.details as {
        items?: { resourceType: string; transferSize: number }[]
      }
    )?.items ?? []
  const size = (type: string) => items.find((i) => i.resourceType === type)?.transferSize ?? 0
  return {
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    fcp: num('first-contentful-paint'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    tti: num('interactive'),
    bytes: size('total'),
    scriptBytes: size('script'),
  }
}

/** A bare page on a plain Node server: what "as fast as a page can be" costs here. */
const baselineServer = async () => {
  const port = await freePort()
  const html =
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Baseline</title><h1>Baseline</h1><p>A bare page.</p></html>'
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() }
}

const startHost = async () => {
  const port = await freePort()
  const dataDir = makeTempDir()
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BAYANET_DATA_DIR: dataDir }
  delete env.DATABASE_URL
  note(`starting the host on port ${port} (embedded Postgres, demo data)…`)
  const child = start('host', ['--import', 'tsx', 'src/server.ts', '--demo'], env)
  const deadline = child.spawnedAt + Number(values.timeout) * 1000
  await pollUntil(child, port, '/readyz', deadline, 500, (a) => a?.status === 200).catch((err) => {
    note(`the host's last lines:\n${tail('host')}`)
    throw err
  })
  return { url: `http://127.0.0.1:${port}`, stop: () => stop(child, { dataDir }) }
}

installCleanupHandlers()
const host = values.url
  ? { url: values.url.replace(/\/$/, ''), stop: async () => undefined }
  : await startHost()
const baseline = await baselineServer()
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
try {
  const results = new Map<string, Metrics[]>()
  for (let run = 0; run < runs; run++) {
    for (const [label, url] of [
      ['baseline', baseline.url],
      ...paths.map((p) => [p, host.url + p]),
    ]) {
      note(`run ${run + 1}/${runs}: ${label}`)
      results.set(label, [...(results.get(label) ?? []), await audit(url, chrome.port)])
    }
  }
  const med = (label: string, key: keyof Metrics) => median(results.get(label)!.map((m) => m[key]))
  const base = (key: keyof Metrics) => med('baseline', key)
  const rows = [
    [
      'page',
      'perf',
      'a11y',
      'FCP ms',
      'LCP ms',
      'TBT ms',
      'TTI ms',
      'TTI ×base',
      'JS KB',
      'all KB',
    ],
  ]
  for (const label of ['baseline', ...paths]) {
    rows.push([
      label,
      String(med(label, 'performance')),
      String(med(label, 'accessibility')),
      String(Math.round(med(label, 'fcp'))),
      String(Math.round(med(label, 'lcp'))),
      String(Math.round(med(label, 'tbt'))),
      String(Math.round(med(label, 'tti'))),
      ratio(med(label, 'tti'), base('tti')),
      (med(label, 'scriptBytes') / 1024).toFixed(1),
      (med(label, 'bytes') / 1024).toFixed(1),
    ])
  }
  console.log(
    `Lighthouse ${'12.2.3'} · mobile · simulated slow 4G (150 ms RTT, 1.6 Mbps, 4× CPU) · median of ${runs}`,
  )
  console.log(table(rows, (col) => col > 0))
} finally {
  await chrome.kill()
  baseline.close()
  await host.stop()
  await cleanup()
}
