import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'

import { hasChromium, launchChromium, PHONE } from '../helpers/browser'
import { api, eventually } from '../helpers/api'
import {
  createOrganization,
  createTask,
  latestOtp,
  PLACES,
  signInResident,
  uniquePhone,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

/** Screenshots for people to look at; kept out of git. */
const SHOTS = path.resolve('tests/e2e/screenshots')

const shot = (page: Page, lang: string, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `resident-${lang}-${name}.png`) })

/** A camera-sized JPEG (4000×3000), to prove the app shrinks it before upload. */
const cameraPhoto = async (file: string) => {
  await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#7a9' } })
    .composite([
      {
        input: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><circle cx="2000" cy="1500" r="900" fill="#f2c230"/><rect x="400" y="300" width="900" height="600" fill="#0b6e4f"/></svg>',
        ),
      },
    ])
    .jpeg({ quality: 95 })
    .toFile(file)
  return file
}

/**
 * Tries to give a task a photo question; false while the server cannot take one (no such
 * question type, or no `POST /api/proofs` to upload to yet).
 */
const addPhotoQuestion = async (taskId: number, fields: object[]) => {
  // Photo questions need the proofs upload collection on the server.
  const payload = await localPayload()
  if (!(payload.collections as Record<string, unknown>).proofs) return false
  try {
    await payload.update({
      collection: 'tasks',
      id: taskId,
      data: {
        fields: [
          ...fields,
          { name: 'photo', label: 'Photo of the streetlight', type: 'photo', required: true },
        ],
      } as never,
    })
    return true
  } catch {
    return false
  }
}

const residentSubmissions = async (residentId: number, taskId: number) => {
  const payload = await localPayload()
  const { docs } = await payload.find({
    collection: 'submissions',
    where: { resident: { equals: residentId }, task: { equals: taskId } },
    depth: 0,
  })
  return docs
}

describe.skipIf(!hasChromium)('the resident app on a phone-sized screen', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const base = () => inject('baseUrl')

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  let residentId: number
  let phone: string
  const plainFields = [
    { name: 'pole', label: 'Pole number', type: 'text', required: true },
    {
      name: 'lit',
      label: 'Is the light on at night?',
      type: 'select',
      options: ['On', 'Off', 'Blinking'],
      required: true,
    },
    { name: 'count', label: 'How many lights are out?', type: 'number' },
    { name: 'safe', label: 'Is the street safe to walk?', type: 'checkbox' },
    { name: 'seen', label: 'When did you see it?', type: 'date' },
    { name: 'more', label: 'Anything else?', type: 'textarea' },
  ]

  it('takes a new resident from language to a paid reward', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, {
      title: 'Sirang ilaw sa kalye',
      description: 'Kunan ng litrato ang poste at sabihin ang numero nito.',
      targetCodes: [PLACES.marikinaCity],
      reward: { kind: 'gcash', amount: 50 },
      endsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      fields: plainFields as never,
    })
    const withPhoto = await addPhotoQuestion(task.id, plainFields)
    if (!withPhoto) console.warn('[e2e] the server has no photo questions yet: journey without one')

    context = await browser.newContext({ ...PHONE, permissions: ['geolocation'] })
    page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(String(err)))
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()))
    // The photo step works under the CSP: any violation would be reported as an error here.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation (${e.violatedDirective}): ${e.blockedURI}`),
      ),
    )

    // Language (Filipino first: it is the default for residents).
    await page.goto(`${base()}/`)
    await page.waitForURL(/\/language$/)
    await page.getByRole('button', { name: 'Filipino' }).waitFor()
    await shot(page, 'fil', '01-language')
    await page.getByRole('button', { name: 'Filipino' }).click()

    // Phone, as residents type it, then the code from the SMS outbox.
    await page.waitForURL(/\/sign-in$/)
    phone = uniquePhone()
    await page.fill('#phone', '12')
    await page.click('button[type="submit"]')
    await expect.poll(() => page.locator('#phone-error').textContent()).toMatch(/numero ng mobile/)
    await shot(page, 'fil', '02-phone-error')
    await page.fill('#phone', `0${phone.slice(3, 6)} ${phone.slice(6, 9)} ${phone.slice(9)}`)
    await shot(page, 'fil', '02-phone')
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/sign-in\/code/)
    const code = await latestOtp(phone)
    const codeInput = page.locator('#code')
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code')
    expect(await codeInput.getAttribute('inputmode')).toBe('numeric')
    // Resend waits: the button is off while the countdown runs.
    expect(await page.getByRole('button', { name: 'Magpadala ng bagong code' }).isDisabled()).toBe(
      true,
    )
    await codeInput.fill(code === '000000' ? '111111' : '000000')
    await page.click('button[type="submit"]')
    await expect.poll(() => page.locator('#code-error').textContent()).toMatch(/Mali o paso/)
    await codeInput.fill(code)
    await shot(page, 'fil', '03-code')
    await page.click('button[type="submit"]')

    // Consent: nothing ticked; the required ones are asked for.
    await page.waitForURL(/\/(consent|barangay)$/)
    if (page.url().endsWith('/consent')) {
      for (const box of await page.locator('input[type="checkbox"]').all()) {
        expect(await box.isChecked()).toBe(false)
      }
      await page.getByText('Basahin ang abiso sa privacy').waitFor()
      await shot(page, 'fil', '04-consent')
      await page.check('input[name="terms"]')
      await page.check('input[name="data-processing"]')
      await page.check('input[name="photos"]')
      await page.check('input[name="location"]')
      await page.click('button[type="submit"]')
    }

    // Home barangay by type-ahead.
    await page.waitForURL(/\/barangay$/)
    // Words of the barangay and its city, as residents type them.
    await page.fill('#place-search', 'Concepcion Uno Marikina')
    const option = page.getByRole('button', { name: /Concepcion Uno/ }).first()
    await option.waitFor()
    await shot(page, 'fil', '05-barangay')
    await option.click()
    await page.getByRole('button', { name: 'I-save ang aking barangay' }).click()

    residentId = await idOf(phone)

    // Feed: the card shows reward, deadline, area, who asks and my status.
    await page.waitForURL(/\/feed$/)
    const card = page.locator('a', { hasText: task.title })
    await card.waitFor()
    const cardText = await card.textContent()
    expect(cardText).toContain('₱50 GCash')
    expect(cardText).toContain('Hanggang')
    expect(cardText).toContain(lgu.org.name)
    expect(cardText).toContain('Hindi pa nagagawa')
    await shot(page, 'fil', '06-feed')

    // The task's form: every question type, errors next to their fields.
    await card.click()
    await page.waitForURL(/\/tasks\/\d+$/)
    await page.locator('#q-pole').waitFor()
    await page.click('button[type="submit"]')
    await expect.poll(() => page.locator('#q-pole-error').textContent()).toBe('Pakisagot ito.')
    await shot(page, 'fil', '07-task-errors')
    await page.fill('#q-pole', 'MK-0142')
    await page.check('input[name="lit"][value="Off"]')
    await page.fill('#q-count', '3')
    await page.check('input[name="safe"]')
    await page.fill('#q-seen', '2026-11-20')
    await page.fill('#q-more', 'Madilim mula kanto hanggang kapilya.')
    if (withPhoto) {
      const input = page.locator('input[type="file"]')
      expect(await input.getAttribute('accept')).toBe('image/*')
      expect(await input.getAttribute('capture')).toBe('environment')
      await input.setInputFiles(await cameraPhoto(path.join(SHOTS, 'camera.jpg')))
      await page.getByText(/Handa na ang litrato/).waitFor()
    }
    await shot(page, 'fil', '07-task')
    await page.click('button[type="submit"]')
    await page.getByText('Naipadala! Susuriin namin ito sa lalong madaling panahon.').waitFor()

    const [submission] = await eventually(async () => {
      const docs = await residentSubmissions(residentId, task.id)
      return docs.length ? docs : undefined
    })
    expect(submission.answers).toMatchObject({
      pole: 'MK-0142',
      lit: 'Off',
      count: 3,
      safe: true,
    })
    if (withPhoto) {
      const payload = await localPayload()
      const ref = (submission as { proof?: number | { id: number } }).proof
      const proofId = typeof ref === 'object' ? ref?.id : ref
      expect(proofId).toBeTruthy()
      const proof = await payload.findByID({ collection: 'proofs' as never, id: proofId as never })
      const { width, height, filesize } = proof as unknown as {
        width: number
        height: number
        filesize: number
      }
      expect(Math.max(width, height)).toBeLessThanOrEqual(1600)
      expect(filesize).toBeLessThanOrEqual(450 * 1024)
    }

    // My work: pending review.
    await page.goto(`${base()}/submissions`)
    await page.getByText('Sinusuri').first().waitFor()
    await shot(page, 'fil', '08-submissions')

    // Staff approve through the API; the reward shows as sent.
    const approve = await api('PATCH', `/api/submissions/${submission.id}`, {
      token: lgu.reviewer.token,
      body: { status: 'approved', reviewNote: 'Salamat' },
    })
    expect(approve.status).toBe(200)
    await eventually(
      async () => {
        await page.goto(`${base()}/rewards`)
        await page.locator('h2').first().waitFor()
        return (await page.getByText('Naipadala', { exact: true }).count()) ? true : undefined
      },
      30_000,
      'the reward to show as sent',
    )
    expect(await page.locator('main').textContent()).toContain('₱50 GCash')
    await shot(page, 'fil', '09-rewards')

    await page.goto(`${base()}/profile`)
    await page.locator('#name').waitFor()
    await shot(page, 'fil', '10-profile')
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })

  it('shows every screen in English too, and saves the language to the profile', async () => {
    await page.goto(`${base()}/profile`)
    await page.selectOption('#language', 'en')
    await page.getByRole('heading', { name: 'My profile' }).waitFor()
    await eventually(async () => {
      const payload = await localPayload()
      const me = await payload.findByID({ collection: 'residents', id: residentId })
      return me.language === 'en' ? true : undefined
    })
    const screens: [string, string, string][] = [
      ['/language', '01-language', 'Choose your language'],
      ['/sign-in', '02-phone', 'Sign in with your phone'],
      [`/sign-in/code?phone=${encodeURIComponent(phone)}`, '03-code', 'Enter the code'],
      ['/consent', '04-consent', 'Before you start'],
      ['/barangay', '05-barangay', 'Your home barangay'],
      ['/feed', '06-feed', 'Tasks near you'],
      ['/submissions', '08-submissions', 'My work'],
      ['/rewards', '09-rewards', 'My rewards'],
      ['/profile', '10-profile', 'My profile'],
    ]
    for (const [url, name, heading] of screens) {
      await page.goto(`${base()}${url}`)
      await page.getByRole('heading', { name: heading, exact: true }).waitFor()
      await shot(page, 'en', name)
    }
    await page.goto(`${base()}/feed`)
    await page.locator('a[href^="/tasks/"]').first().click()
    await page.getByRole('heading', { level: 1 }).waitFor()
    await shot(page, 'en', '07-task')
  })

  it('shrinks a camera photo in a worker before it is kept or sent', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, {
      title: 'Photo task',
      targetCodes: [PLACES.marikinaCity],
    })
    // The browser's side only: the feed offers a photo question, the upload is captured here.
    // (No service worker in this context: requests it handled would bypass the routes.)
    const resident = await signInResident({ barangayCode: PLACES.concepcionUno })
    const photoContext = await browser.newContext({ ...PHONE, serviceWorkers: 'block' })
    await photoContext.addCookies([{ name: 'payload-token', value: resident.token, url: base() }])
    await photoContext.addInitScript(() => localStorage.setItem('bayanet.lang', 'en'))
    const page = await photoContext.newPage()
    await page.route('**/api/feed?*', async (route) => {
      const res = await route.fetch()
      const body = await res.json()
      for (const doc of body.docs) {
        if (doc.id === task.id) {
          doc.fields = [
            { name: 'photo', label: 'Photo of the place', type: 'photo', required: true },
          ]
        }
      }
      await route.fulfill({ response: res, json: body })
    })
    let upload: Buffer | undefined
    await page.route('**/api/proofs', async (route) => {
      upload = route.request().postDataBuffer() ?? undefined
      await route.fulfill({ status: 201, json: { doc: { id: 987654 } } })
    })
    let sent: Record<string, unknown> | undefined
    await page.route('**/api/submissions', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback()
      sent = route.request().postDataJSON()
      await route.fulfill({ status: 201, json: { doc: { id: 1, status: 'needs_review' } } })
    })
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    try {
      await page.goto(`${base()}/feed`)
      await page.locator('a', { hasText: task.title }).click()
      const input = page.locator('input[type="file"]')
      expect(await input.getAttribute('accept')).toBe('image/*')
      expect(await input.getAttribute('capture')).toBe('environment')
      await input.setInputFiles(await cameraPhoto(path.join(SHOTS, 'camera.jpg')))
      await page.getByText(/Photo ready/).waitFor()
      await shot(page, 'en', '07-task-photo')
      await page.click('button[type="submit"]')
      await page.getByText('Sent! We will check it soon.').waitFor()
    } finally {
      await photoContext.close()
    }
    expect(workers.some((url) => /resize/.test(url))).toBe(true)
    // The multipart body holds one JPEG: find it and measure it.
    const start = upload!.indexOf(Buffer.from([0xff, 0xd8, 0xff]))
    const end = upload!.lastIndexOf(Buffer.from([0xff, 0xd9])) + 2
    const jpeg = upload!.subarray(start, end)
    const meta = await sharp(jpeg).metadata()
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1600)
    expect(jpeg.length).toBeLessThanOrEqual(400 * 1024)
    expect(meta.exif).toBeUndefined()
    expect(sent).toMatchObject({ task: task.id, proof: 987654, answers: { photo: 987654 } })
    expect(sent?.clientId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/))
  })

  it('keeps a submission made offline and sends it once when back online', async () => {
    const lgu = await createOrganization('lgu')
    const task = await createTask(lgu.org.id, {
      title: 'Offline survey',
      targetCodes: [PLACES.marikinaCity],
      fields: [{ name: 'note', label: 'What did you see?', type: 'text', required: true }],
    })
    // The service worker takes over the page, so the shell loads with no connection.
    await page.goto(`${base()}/feed`)
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    await page.reload()
    await expect
      .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
      .toBe(true)
    await page.locator('a', { hasText: task.title }).click()
    await page.locator('#q-note').waitFor()

    await context.setOffline(true)
    await page.fill('#q-note', 'Walang signal dito')
    await page.click('button[type="submit"]')
    await page.getByText('Saved on this phone. It will be sent when you are back online.').waitFor()
    await shot(page, 'en', '11-offline-queued')

    // A reload with no connection: the shell and the waiting submission are still there.
    await page.reload()
    await page.getByText('1 waiting to send').first().waitFor()
    await page.goto(`${base()}/submissions`).catch(() => undefined)
    await page.getByText('Waiting to send').first().waitFor()
    await shot(page, 'en', '12-offline-outbox')
    expect(await residentSubmissions(residentId, task.id)).toHaveLength(0)

    await context.setOffline(false)
    await eventually(async () =>
      (await residentSubmissions(residentId, task.id)).length ? true : undefined,
    )
    await expect
      .poll(() => page.getByText('1 waiting to send').count(), { timeout: 20_000 })
      .toBe(0)
    // Another reload and another online event send nothing more.
    await page.reload()
    await page.evaluate(() => dispatchEvent(new Event('online')))
    await page.getByRole('heading', { name: 'My work' }).waitFor()
    expect(await residentSubmissions(residentId, task.id)).toHaveLength(1)
  })
})

const idOf = async (phone: string) => {
  const payload = await localPayload()
  const { docs } = await payload.find({
    collection: 'residents',
    where: { phone: { equals: phone } },
    limit: 1,
  })
  return docs[0].id
}
