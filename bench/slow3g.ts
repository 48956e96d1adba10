/**
 * `npm run bench:slow3g`: a new resident's whole first visit, as on a cheap Android phone over
 * slow 3G: language → phone → SMS code → consent → barangay → feed → a photo task → sent.
 * Chromium at 360×640 with Chrome's "Slow 3G" network (2 s RTT, 400 kbit/s each way) and a 4×
 * slower CPU, against the same journey unthrottled in the same run (the baseline). Prints each
 * step's time and the ratio. The target: the throttled journey ends within two minutes.
 *
 *   npx tsx bench/slow3g.ts                                # starts the host (embedded Postgres)
 *   npx tsx bench/slow3g.ts --url http://127.0.0.1:3000 --admin you@x:pass   # a running host
 *
 * Typing is instant here, so the times are what the network and the phone cost. Not part of
 * `npm test` (no timing thresholds in tests).
 */
import { randomInt } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { Page } from 'playwright-core'
import sharp from 'sharp'

import { freePort } from '../src/lib/freePort'
import { closedNetworkContext, launchChromium, PHONE } from '../tests/helpers/browser'
import { cleanup, installCleanupHandlers, makeTempDir, start, stop } from './lib/children'
import { note, tail } from './lib/output'
import { pollUntil } from './lib/probe'
import { ratio, table } from './lib/report'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    admin: { type: 'string' },
    timeout: { type: 'string', default: '600' },
  },
})

/** Chrome DevTools' "Slow 3G" preset, and a low-end phone's CPU. */
const SLOW_3G = {
  offline: false,
  latency: 2000,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
}
const CPU_SLOWDOWN = 4
const TARGET_MS = 120_000
const MARIKINA_CITY = '1380700000'

const ADMIN = values.admin?.split(':') ?? ['bench@bayanet.local', `bench-${randomInt(1e9)}`]

const startHost = async () => {
  const port = await freePort()
  const dataDir = makeTempDir()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    BAYANET_DATA_DIR: dataDir,
    BAYANET_ADMIN_EMAIL: ADMIN[0],
    BAYANET_ADMIN_PASSWORD: ADMIN[1],
  }
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

/** Bayanet's REST API as the admin: sets up the task and reads the SMS outbox. */
const adminApi = async (base: string) => {
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN[0], password: ADMIN[1] }),
  })
  if (!login.ok)
    throw new Error(`admin login failed (${login.status}): pass --admin email:password`)
  const { token } = (await login.json()) as { token: string }
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = await res.json()
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`)
    return json as T
  }
}

type Api = Awaited<ReturnType<typeof adminApi>>

/** A published photo task for Marikina, from the first organisation that may target it. */
const photoTask = async (api: Api) => {
  const places = await api<{ docs: { id: number }[] }>(
    'GET',
    `/api/places?where[code][equals]=${MARIKINA_CITY}&limit=1`,
  )
  const orgs = await api<{ docs: { id: number }[] }>('GET', '/api/organizations?limit=1')
  const { doc } = await api<{ doc: { id: number; title: string } }>('POST', '/api/tasks', {
    title: `Broken streetlight ${randomInt(1e6)}`,
    status: 'published',
    organization: orgs.docs[0].id,
    targets: [places.docs[0].id],
    reward: { kind: 'gcash', amount: 20 },
    fields: [
      { label: 'Pole number', type: 'text', required: true },
      { label: 'Photo of the streetlight', type: 'photo', required: true },
    ],
  })
  return doc
}

const otpFor = async (api: Api, phone: string) => {
  for (let i = 0; i < 100; i++) {
    const { docs } = await api<{ docs: { body: string }[] }>(
      'GET',
      `/api/sms-outbox?where[to][equals]=${encodeURIComponent(phone)}&sort=-createdAt&limit=1`,
    )
    const code = docs[0] && /(\d{6})/.exec(docs[0].body)?.[1]
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`no SMS reached ${phone}`)
}

/** One resident's first visit; returns each step's milliseconds. */
const journey = async (
  base: string,
  api: Api,
  task: { id: number; title: string },
  photo: string,
  throttled: boolean,
) => {
  const browser = await launchChromium()
  const { context, external } = await closedNetworkContext(browser, base, PHONE)
  const page: Page = await context.newPage()
  page.setDefaultTimeout(180_000)
  if (throttled) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  }
  const steps: [string, number][] = []
  let last = Date.now()
  const mark = (label: string) => {
    const now = Date.now()
    steps.push([label, now - last])
    last = now
  }
  try {
    await page.goto(`${base}/`)
    await page.getByRole('button', { name: 'English' }).click()
    await page.locator('#phone').waitFor()
    mark('open the app, choose English')

    const phone = `+63917${String(randomInt(0, 1e7)).padStart(7, '0')}`
    await page.fill('#phone', `0${phone.slice(3)}`)
    await page.click('button[type="submit"]')
    await page.locator('#code').waitFor()
    mark('ask for a code')
    await page.fill('#code', await otpFor(api, phone))
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/(consent|barangay)$/)
    mark('sign in with the code')

    if (page.url().endsWith('/consent')) {
      for (const purpose of ['terms', 'data-processing', 'photos', 'location']) {
        await page.check(`input[name="${purpose}"]`)
      }
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/barangay$/)
      mark('consent')
    }

    await page.fill('#place-search', 'Concepcion Uno Marikina')
    await page
      .getByRole('button', { name: /Concepcion Uno/ })
      .first()
      .click()
    await page.getByRole('button', { name: 'Save my barangay' }).click()
    await page.locator('a', { hasText: task.title }).waitFor()
    mark('choose the barangay, see the feed')

    await page.locator('a', { hasText: task.title }).click()
    await page.locator('input[type="file"]').waitFor()
    mark('open the task')
    await page.locator('input[type="text"]').first().fill('MK-0142')
    await page.locator('input[type="file"]').setInputFiles(photo)
    await page.getByText(/Photo ready/).waitFor()
    mark('take the photo (resized on the phone)')
    await page.click('button[type="submit"]')
    await page.getByText('Sent! We will check it soon.').waitFor()
    mark('send it with the photo')
    if (external.length) throw new Error(`the app reached other hosts: ${external.join(', ')}`)
    return steps
  } catch (err) {
    const shot = path.resolve('slow3g-failed.png')
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined)
    note(
      `stopped at ${page.url()} (screenshot: ${shot}) after: ${steps.map(([s]) => s).join(', ')}`,
    )
    throw err
  } finally {
    await browser.close()
  }
}

installCleanupHandlers()
const host = values.url
  ? { url: values.url.replace(/\/$/, ''), stop: async () => undefined }
  : await startHost()
try {
  const api = await adminApi(host.url)
  const task = await photoTask(api)
  const photo = path.join(makeTempDir(), 'camera.jpg')
  await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#7a9' } })
    .composite([
      {
        input: await sharp({
          create: { width: 1200, height: 900, channels: 3, background: '#f2c230' },
        })
          .png()
          .toBuffer(),
        left: 1400,
        top: 1000,
      },
    ])
    .jpeg({ quality: 95 })
    .toFile(photo)
  note(`camera photo: ${(fs.statSync(photo).size / 1024).toFixed(0)} KB, 4000×3000`)

  note('baseline: the journey unthrottled…')
  const fast = await journey(host.url, api, task, photo, false)
  note('the journey on slow 3G with a 4× slower CPU…')
  const slow = await journey(host.url, api, task, photo, true)

  const total = (steps: [string, number][]) => steps.reduce((sum, [, ms]) => sum + ms, 0)
  const rows = [['step', 'unthrottled ms', 'slow 3G ms', '×base']]
  for (const [i, [label, ms]] of slow.entries()) {
    rows.push([label, String(fast[i]?.[1] ?? '–'), String(ms), ratio(ms, fast[i]?.[1] ?? ms)])
  }
  rows.push([
    'whole journey',
    String(total(fast)),
    String(total(slow)),
    ratio(total(slow), total(fast)),
  ])
  console.log(
    `A new resident's first visit · 360×640 · Slow 3G (2 s RTT, 400 kbit/s) · ${CPU_SLOWDOWN}× CPU`,
  )
  console.log(table(rows, (col) => col > 0))
  const seconds = (total(slow) / 1000).toFixed(0)
  console.log(
    total(slow) <= TARGET_MS
      ? `on slow 3G the resident signs in and sends a photo task in ${seconds} s (target: 120 s)`
      : `SLOWER THAN THE TARGET: ${seconds} s on slow 3G (target: 120 s)`,
  )
} finally {
  await host.stop()
  await cleanup()
}
