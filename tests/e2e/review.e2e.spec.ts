import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from 'vitest'

import { closedNetworkContext, hasChromium, launchChromium } from '../helpers/browser'
import { api, eventually, uploadProof } from '../helpers/api'
import {
  createOrganization,
  createTask,
  PLACES,
  REQUIRED_CONSENTS,
  signInResident,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

const SHOTS = path.resolve('tests/e2e/screenshots')
const VIEWPORT = { width: 1366, height: 900 }

/** A desktop browser context on a closed network (requests elsewhere refused and counted). */
const closedNetwork = (browser: Browser) =>
  closedNetworkContext(browser, inject('baseUrl'), { viewport: VIEWPORT })

const signIn = async (context: BrowserContext, email: string, password: string) => {
  const page = await context.newPage()
  await page.goto(`${inject('baseUrl')}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 30_000 })
  return page
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `review-${name}.png`) })

/** What a resident reports about a streetlight, varied a little per resident. */
const REPORTS = [
  'Three lamps out near the chapel',
  'The lamp post by the basketball court flickers all night',
  'No light from the corner of J.P. Rizal to the bridge',
  'Broken cover, wires showing',
  'Lamp is on during the day and off at night',
  'Two posts leaning after the storm',
  'Light out beside the day-care centre',
  'The whole street is dark after 9 pm',
  'Lamp hit by a truck, glass on the road',
  'Works again, but only half the night',
]

/** A night-time photo of a lamp post, different for each `i`, as a JPEG. */
const streetPhoto = (i: number) => {
  const glow = ['#ffd54f', '#ffb300', '#fff176', '#ff8f00'][i % 4]
  const x = 300 + (i % 5) * 120
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#0b1530"/><stop offset="1" stop-color="#2b3a55"/></linearGradient></defs>
    <rect width="1200" height="900" fill="url(#sky)"/>
    <rect y="700" width="1200" height="200" fill="#3b3b3b"/>
    <rect x="0" y="760" width="1200" height="14" fill="#d8d8d8" opacity="0.5"/>
    <rect x="${x}" y="220" width="26" height="490" fill="#6b6f76"/>
    <rect x="${x}" y="220" width="160" height="18" fill="#6b6f76"/>
    <ellipse cx="${x + 150}" cy="250" rx="40" ry="16" fill="${i % 3 === 0 ? '#222' : glow}"/>
    <circle cx="${x + 150}" cy="300" r="${i % 3 === 0 ? 0 : 90}" fill="${glow}" opacity="0.25"/>
    <rect x="${x + 300}" y="420" width="260" height="280" fill="#4e5d6c"/>
    <rect x="${x + 330}" y="460" width="60" height="60" fill="#f5e6a8" opacity="${i % 2 ? 0.8 : 0.2}"/>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}

describe.skipIf(!hasChromium)('the review workspace in a browser', () => {
  let browser: Browser

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    browser = await launchChromium()
  })
  let failureShot: (() => Promise<unknown>) | undefined
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureShot?.().catch(() => undefined)
  })
  afterAll(async () => browser?.close())

  it('lets a reviewer approve and bulk-reject from the queue with nothing loaded from outside', async () => {
    const mine = await createOrganization('lgu')
    const other = await createOrganization('lgu')
    const task = await createTask(mine.org.id, {
      title: 'Report a broken streetlight',
      description: 'Tell us which streetlights are out on your street, with a photo of the post.',
      targetCodes: [PLACES.marikinaCity],
      caps: { perResident: 1 },
      fields: [
        { name: 'note', label: 'What did you see?', type: 'text', required: true },
        { name: 'lamps', label: 'How many lamps are out?', type: 'number', required: true },
        { name: 'dark', label: 'Is the street dark at night?', type: 'checkbox' },
        {
          name: 'where',
          label: 'Where on the street?',
          type: 'select',
          options: ['Corner', 'Middle', 'Near a school'],
        },
      ],
    })
    const elsewhere = await createTask(other.org.id, { title: 'Another LGU’s task' })

    // Ten residents of Marikina report, a minute or so apart in the queue's order.
    const submissions: number[] = []
    const noteOf = new Map<number, string>()
    const whereOf = new Map<number, string>()
    const t0 = Date.now()
    for (const [i, note] of REPORTS.entries()) {
      // The last one did not agree to share their location.
      const consents = [...REQUIRED_CONSENTS, 'photos', ...(i < 9 ? ['location'] : [])]
      const resident = await signInResident({ barangayCode: PLACES.concepcionUno, consents })
      const proof = await uploadProof(resident.token, await streetPhoto(i))
      const res = await api('POST', '/api/submissions', {
        token: resident.token,
        body: {
          task: task.id,
          proof,
          clientId: randomUUID(),
          answers: {
            note,
            lamps: (i % 4) + 1,
            dark: i % 3 !== 0,
            where: ['Corner', 'Middle', 'Near a school'][i % 3],
          },
          // Without location consent the app sends none (the server would refuse it).
          ...(i < 9
            ? { location: { lat: 14.6507 + i / 1000, lng: 121.1029 - i / 1000, accuracy: 8 + i } }
            : {}),
        },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      submissions.push(res.body.doc.id)
      noteOf.set(res.body.doc.id, note)
      whereOf.set(res.body.doc.id, ['Corner', 'Middle', 'Near a school'][i % 3])
    }
    // A submission to another organisation, which this reviewer must not see.
    const outsider = await signInResident()
    const hidden = await api('POST', '/api/submissions', {
      token: outsider.token,
      body: { task: elsewhere.id, clientId: randomUUID(), answers: { note: 'Not for you' } },
    })
    expect(hidden.status).toBe(201)

    console.log(`[e2e] 11 residents signed in and submitted in ${Date.now() - t0} ms`)
    const payload = await localPayload()
    // The queue is riskiest first, then oldest: wait for scoring, then read the order it will show.
    await eventually(
      async () => {
        const { totalDocs } = await payload.count({
          collection: 'submissions',
          where: { id: { in: submissions }, scoreRoute: { exists: false } },
        })
        return totalDocs === 0 ? true : undefined
      },
      60_000,
      'every submission to be scored',
    )
    const { docs: inOrder } = await payload.find({
      collection: 'submissions',
      where: { id: { in: submissions } },
      sort: ['-score', 'createdAt'],
      depth: 0,
      limit: submissions.length,
    })
    const queue = inOrder.map((doc) => doc.id)
    const report = (k: number) => noteOf.get(queue[k])!
    const password = 'reviewer-password-123'
    await payload.update({ collection: 'users', id: mine.reviewer.user.id, data: { password } })

    const { context, external } = await closedNetwork(browser)
    const page = await signIn(context, mine.reviewer.user.email, password)
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    // On failure, the last screen is kept for people to look at.
    failureShot = () => shot(page, 'failure')

    // The dashboard says how many wait and leads to the workspace; so does the navigation.
    const card = page.locator('.bn-dashcard')
    await card.waitFor({ timeout: 30_000 })
    expect(await card.innerText()).toContain('10')
    await shot(page, 'dashboard')
    expect(await page.locator('#nav-review').getAttribute('href')).toBe('/admin/review')
    await card.click()
    await page.waitForURL(/\/admin\/review$/)
    const waiting = page.getByTestId('waiting')
    await waiting.waitFor()
    expect(await waiting.innerText()).toMatch(/^10 submissions wait/)

    // The first in the queue is open, its answers under their questions, no JSON.
    const answers = page.getByTestId('answers')
    await expect.poll(() => answers.innerText()).toContain('What did you see?')
    const shown = await answers.innerText()
    expect(shown).toContain(report(0))
    expect(shown).toContain('How many lamps are out?')
    expect(shown).toContain(whereOf.get(queue[0]))
    expect(shown).not.toContain('{')
    expect(await page.getByText('Not for you').count()).toBe(0)
    const resident = await page.getByTestId('resident').innerText()
    expect(resident).toMatch(/R-[0-9A-Z]{4}-[0-9A-Z]{4} · 1 submission · 0 approved · 0 rejected/)
    expect(resident).not.toMatch(/\+?63|09\d{9}/)
    expect(await page.locator('.bn-review__keys').innerText()).toContain('approve')
    // The photo, served by the access-checked proof URL, and full size on a click.
    const loaded = (selector: string) =>
      page.locator(selector).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)
    await expect.poll(() => loaded('.bn-review__photo img')).toBeGreaterThan(0)
    await shot(page, 'queue')
    await page.locator('.bn-review__photo button').click()
    await expect.poll(() => loaded('.bn-lightbox img')).toBe(1200)
    await shot(page, 'photo')
    await page.keyboard.press('Escape')
    await page.locator('.bn-lightbox').waitFor({ state: 'detached' })

    // Approve the first with the keyboard.
    await page.keyboard.press('a')
    await expect
      .poll(() => page.getByTestId('flash').innerText())
      .toContain(`Approved #${queue[0]}`)
    await expect.poll(() => waiting.innerText()).toMatch(/^9 submissions/)
    expect(await answers.innerText()).toContain(report(1))

    // Select the next two and reject them together, with a reason.
    await page.getByLabel(`Select submission ${queue[1]}`).check()
    await page.getByLabel(`Select submission ${queue[2]}`).check()
    await page.getByRole('button', { name: 'Reject 2…' }).click()
    await page
      .getByRole('button', { name: 'This looks like a duplicate of another submission.' })
      .click()
    await shot(page, 'bulk-reject')
    await page.getByRole('button', { name: 'Reject 2 selected' }).click()
    await expect
      .poll(() => page.getByTestId('flash').innerText())
      .toContain('Rejected 2 submissions')
    await expect.poll(() => waiting.innerText()).toMatch(/^7 submissions/)

    // A colleague decides the one on screen first: the reviewer is told, and it leaves the queue.
    expect(await answers.innerText()).toContain(report(3))
    const colleague = await api('PATCH', `/api/submissions/${queue[3]}`, {
      token: mine.manager.token,
      body: { status: 'approved' },
    })
    expect(colleague.status).toBe(200)
    await page.getByRole('button', { name: /^Approve/ }).click()
    await expect.poll(() => page.getByTestId('flash').innerText()).toContain('Someone else decided')
    await shot(page, 'conflict')
    await expect.poll(() => waiting.innerText()).toMatch(/^6 submissions/)

    // The answers also read as text in the ordinary edit view (no CDN editor).
    await page.goto(`${inject('baseUrl')}/admin/collections/submissions/${queue[4]}`)
    const answersField = page.getByTestId('answers-field')
    await answersField.waitFor({ timeout: 30_000 })
    expect(await answersField.innerText()).toContain(report(4))
    expect(await answersField.innerText()).toContain('How many lamps are out?')
    await page.screenshot({ path: path.join(SHOTS, 'review-edit-view.png'), fullPage: true })

    expect(pageErrors).toEqual([])

    // A manager reads the audit log's data as text too.
    const managerPassword = 'manager-password-123'
    await payload.update({
      collection: 'users',
      id: mine.manager.user.id,
      data: { password: managerPassword },
    })
    const audit = await payload.find({
      collection: 'audit-log',
      where: { entityId: { equals: String(queue[0]) } },
      sort: '-createdAt',
      limit: 1,
    })
    expect(audit.docs[0]?.data).toBeTruthy()
    await page.close()
    await context.clearCookies()
    const manager = await signIn(context, mine.manager.user.email, managerPassword)
    await manager.goto(`${inject('baseUrl')}/admin/collections/audit-log/${audit.docs[0].id}`)
    const auditData = manager.locator('.bn-json-field')
    await auditData.first().waitFor({ timeout: 30_000 })
    expect((await auditData.first().innerText()).length).toBeGreaterThan('Data'.length + 2)
    await manager.screenshot({ path: path.join(SHOTS, 'review-audit-entry.png'), fullPage: true })

    expect(external).toEqual([])
    await context.close()

    // Changing the password ended the fixture's session; sign in again over REST.
    const login = await api('POST', '/api/users/login', {
      body: { email: mine.reviewer.user.email, password },
    })
    const status = async (id: number) =>
      (await api('GET', `/api/submissions/${id}`, { token: login.body.token })).body
    expect((await status(queue[0])).status).toBe('approved')
    for (const id of queue.slice(1, 3)) {
      const doc = await status(id)
      expect(doc.status).toBe('rejected')
      expect(doc.reviewNote).toBe('This looks like a duplicate of another submission.')
    }
    expect((await status(queue[3])).status).toBe('approved')
    expect((await status(queue[4])).status).toBe('needs_review')
  }, 240_000)
})
