import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'

import { api, eventually } from '../helpers/api'
import {
  createOrganization,
  createTask,
  latestOtp,
  PLACES,
  signInResident,
  uniquePhone,
} from '../helpers/fixtures'
import { closedNetworkContext, hasChromium, launchChromium, PHONE } from '../helpers/browser'
import { localPayload } from '../helpers/payload'

const SHOTS = path.resolve('tests/e2e/screenshots')

/**
 * What a signed-in resident does with their account in the app, in English: answers a
 * several-answers question, appeals a rejection once, changes their GCash number with a code.
 * Sign-in itself is the journey spec's; here the session comes from the real OTP endpoints.
 */
describe.skipIf(!hasChromium)('a resident managing their account in the app', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let resident: { id: number; phone: string; token: string }
  let lgu: Awaited<ReturnType<typeof createOrganization>>
  const base = () => inject('baseUrl')
  const errors: string[] = []
  let external: string[] = []

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    browser = await launchChromium()
    lgu = await createOrganization('lgu')
    resident = await signInResident({ barangayCode: PLACES.concepcionUno })
    ;({ context, external } = await closedNetworkContext(browser, base(), PHONE))
    const { hostname } = new URL(base())
    await context.addCookies([
      { name: 'payload-token', value: resident.token, domain: hostname, path: '/' },
    ])
    await context.addInitScript(() => localStorage.setItem('bayanet.lang', 'en'))
    page = await context.newPage()
    page.setDefaultTimeout(20_000)
    page.on('pageerror', (err) => errors.push(String(err)))
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()))
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('keeps the ticks a resident made while their consents were still loading', async () => {
    const fresh = await signInResident({ barangayCode: PLACES.concepcionUno, consents: [] })
    const { context: slow } = await closedNetworkContext(browser, base(), PHONE)
    await slow.addCookies([
      { name: 'payload-token', value: fresh.token, domain: new URL(base()).hostname, path: '/' },
    ])
    await slow.addInitScript(() => localStorage.setItem('bayanet.lang', 'en'))
    // Slow 3G: the consent state arrives after the resident has ticked.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    // The first read is the session's (the app waits for it); the second is the consent page's.
    let reads = 0
    await slow.route('**/api/consents/mine', async (route) => {
      if (++reads === 2) await held
      await route.continue()
    })
    const tab = await slow.newPage()
    tab.setDefaultTimeout(20_000)
    await tab.goto(`${base()}/consent`)
    await tab.check('input[name="terms"]')
    await tab.check('input[name="data-processing"]')
    const answered = tab.waitForResponse('**/api/consents/mine')
    release()
    await answered
    expect(await tab.isChecked('input[name="terms"]')).toBe(true)
    expect(await tab.isChecked('input[name="data-processing"]')).toBe(true)
    await tab.click('button[type="submit"]')
    await tab.waitForURL((url) => !url.pathname.startsWith('/consent'))
    const mine = await api('GET', '/api/consents/mine', { token: fresh.token })
    expect(mine.body.missing).toEqual([])
    await slow.close()
  })

  it('answers a question with several answers', async () => {
    const task = await createTask(lgu.org.id, {
      title: 'Clean-up drive sign-up',
      targetCodes: [PLACES.marikinaCity],
      fields: [
        {
          name: 'bring',
          label: 'What can you bring?',
          type: 'multiple_choice',
          options: ['Gloves', 'Sacks', 'Brooms'],
          required: true,
        },
      ] as never,
    })
    await page.goto(`${base()}/tasks/${task.id}`)
    await page.getByRole('heading', { name: 'Clean-up drive sign-up' }).waitFor()
    await page.click('button[type="submit"]')
    await expect.poll(() => page.locator('#q-bring-error').textContent()).toBeTruthy()
    await page.check('input[name="bring"][value="Gloves"]')
    await page.check('input[name="bring"][value="Brooms"]')
    await page.screenshot({ path: path.join(SHOTS, 'resident-en-11-multiple-choice.png') })
    await page.click('button[type="submit"]')
    const [submission] = await eventually(async () => {
      const payload = await localPayload()
      const { docs } = await payload.find({
        collection: 'submissions',
        where: { resident: { equals: resident.id }, task: { equals: task.id } },
      })
      return docs.length ? docs : undefined
    })
    expect(submission.answers).toEqual({ bring: ['Gloves', 'Brooms'] })
  })

  it('shows why a submission was rejected and lets the resident appeal once', async () => {
    const task = await createTask(lgu.org.id, {
      title: 'Report a broken streetlight',
      targetCodes: [PLACES.marikinaCity],
    })
    const sent = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: task.id, answers: { note: 'Pole 12 is dark' } },
    })
    expect(sent.status).toBe(201)
    const id = sent.body.doc.id as number
    const reject = await api('PATCH', `/api/submissions/${id}`, {
      token: lgu.reviewer.token,
      body: { status: 'rejected', reviewNote: 'The pole number is not in our list' },
    })
    expect(reject.status).toBe(200)

    await page.goto(`${base()}/submissions`)
    const card = page.locator('div', { hasText: 'Report a broken streetlight' }).last()
    await card.getByText('The pole number is not in our list').waitFor()
    await card.getByRole('button', { name: 'Ask for another look' }).click()
    await page.getByLabel('Why should we look again?').fill('It is pole 12 on Bayan-Bayanan Ave.')
    await page.screenshot({ path: path.join(SHOTS, 'resident-en-12-appeal.png') })
    await page.getByRole('button', { name: 'Send appeal' }).click()
    await page.getByRole('status').getByText('Appeal sent. A reviewer will look again.').waitFor()

    const payload = await localPayload()
    const after = await payload.findByID({ collection: 'submissions', id })
    expect(after.status).toBe('needs_review')
    // Once only: the button is gone, and the server refuses a second appeal.
    await page.reload()
    await page.getByText('Appeal sent. A reviewer will look again.').waitFor()
    expect(await page.getByRole('button', { name: 'Ask for another look' }).count()).toBe(0)
  })

  it("says in the resident's words why a photo task cannot be sent with photos turned off", async () => {
    // This resident gave only the consents needed to take part: no photos.
    const task = await createTask(lgu.org.id, {
      title: 'Photograph the flooded street',
      targetCodes: [PLACES.marikinaCity],
      fields: [
        { label: 'Where exactly?', type: 'text', required: true },
        { label: 'Photo of the water', type: 'photo', required: true },
      ] as never,
    })
    const photo = path.join(SHOTS, 'flood.jpg')
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#4a7fb5' } })
      .jpeg()
      .toFile(photo)
    await page.goto(`${base()}/tasks/${task.id}`)
    await page.getByRole('heading', { name: 'Photograph the flooded street' }).waitFor()
    await page.locator('input[type="text"]').first().fill('Corner of J.P. Rizal and Sumulong')
    await page.locator('input[type="file"]').setInputFiles(photo)
    await page.getByText(/Photo ready/).waitFor()
    // Online: the task page says it at once, and nothing is kept or sent.
    await page.click('button[type="submit"]')
    await page.getByText(/photos are off in your Privacy settings/).waitFor()
    const payload = await localPayload()
    const count = async () =>
      (await payload.count({ collection: 'submissions', where: { task: { equals: task.id } } }))
        .totalDocs
    expect(await count()).toBe(0)

    // Made offline, it waits on the phone; sent later, the refusal stays for the resident to read.
    await context.setOffline(true)
    await page.click('button[type="submit"]')
    await page.getByText('Saved on this phone. It will be sent when you are back online.').waitFor()
    await context.setOffline(false)
    await page.goto(`${base()}/submissions`)
    await page.getByText(/photos are off in your Privacy settings/).waitFor()
    await page.getByText('Not sent', { exact: true }).waitFor()
    expect(await page.getByRole('link', { name: 'Open my privacy settings' }).count()).toBe(1)
    // Nothing left to send: no "Send now" for a refusal.
    expect(await page.getByRole('button', { name: 'Send now' }).count()).toBe(0)
    await page.screenshot({ path: path.join(SHOTS, 'resident-en-15-photos-off.png') })
    expect(await count()).toBe(0)
    // The refusal is kept for the resident to read and dismiss, not retried for ever.
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect
      .poll(() => page.getByText(/photos are off in your Privacy settings/).count())
      .toBe(0)
  })

  it('changes the GCash number only with the code texted to the new number', async () => {
    const gcash = uniquePhone()
    await page.goto(`${base()}/profile`)
    await page.getByText('Same as your sign-in number', { exact: false }).waitFor()
    await page.fill('#gcash', `0${gcash.slice(3)}`)
    await page.screenshot({ path: path.join(SHOTS, 'resident-en-13-gcash-number.png') })
    await page.getByRole('button', { name: 'Text me a code' }).click()
    await page.locator('#gcash-code, #gcash-error').first().waitFor()
    expect(await page.locator('#gcash-error').count(), await page.locator('main').innerText()).toBe(
      0,
    )
    const code = await latestOtp(gcash)
    await page.fill('#gcash-code', code === '000000' ? '111111' : '000000')
    await page.getByRole('button', { name: 'Confirm' }).click()
    // A wrong code is an error next to the field, not a sign-out.
    await expect.poll(() => page.locator('#gcash-code-error').textContent()).toMatch(/wrong/)

    const payload = await localPayload()
    const before = await payload.findByID({ collection: 'residents', id: resident.id })
    expect(before.gcashNumber ?? null).toBeNull()

    await page.fill('#gcash-code', code)
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByText('GCash number changed.').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'resident-en-13-gcash.png') })
    const after = await payload.findByID({ collection: 'residents', id: resident.id })
    expect(after.gcashNumber).toBe(gcash)
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
    expect(external).toEqual([])
  })

  it('downloads everything kept about the resident, then deletes the account', async () => {
    const leaving = await signInResident({ barangayCode: PLACES.concepcionUno })
    const task = await createTask(lgu.org.id, { targetCodes: [PLACES.marikinaCity] })
    const sent = await api('POST', '/api/submissions', {
      token: leaving.token,
      body: { task: task.id, answers: { note: 'Flooded corner near the chapel' } },
    })
    expect(sent.status).toBe(201)
    const { context: own } = await closedNetworkContext(browser, base(), {
      ...PHONE,
      acceptDownloads: true,
    })
    await own.addCookies([
      { name: 'payload-token', value: leaving.token, domain: new URL(base()).hostname, path: '/' },
    ])
    await own.addInitScript(() => localStorage.setItem('bayanet.lang', 'en'))
    const tab = await own.newPage()
    tab.setDefaultTimeout(20_000)
    await tab.goto(`${base()}/profile`)
    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Download my data' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('bayanet-my-data.json')
    const exported = fs.readFileSync((await download.path())!, 'utf8')
    expect(exported).toContain(leaving.phone)
    expect(exported).toContain('Flooded corner near the chapel')

    // Nothing happens until the word is typed.
    const erase = tab.getByRole('button', { name: 'Delete my account' })
    expect(await erase.isDisabled()).toBe(true)
    await tab.fill('#erase', 'delete')
    await tab.screenshot({ path: path.join(SHOTS, 'resident-en-14-delete.png') })
    await erase.click()
    await tab.waitForURL((url) => !url.pathname.startsWith('/profile'))

    const payload = await localPayload()
    const gone = await payload.findByID({ collection: 'residents', id: leaving.id })
    expect(gone.phone).not.toBe(leaving.phone)
    const answers = await payload.findByID({ collection: 'submissions', id: sent.body.doc.id })
    expect(JSON.stringify(answers.answers ?? null)).not.toContain('Flooded corner')
    // The old session is over.
    expect((await api('GET', '/api/residents/me', { token: leaving.token })).body.user).toBeFalsy()
    await own.close()
  })
})
