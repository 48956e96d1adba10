import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'

import { hasChromium, launchChromium } from '../helpers/browser'
import { api } from '../helpers/api'
import {
  createOrganization,
  createTask,
  PLACES,
  placeByCode,
  signInResident,
} from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

const SHOTS = path.resolve('tests/e2e/screenshots')
const VIEWPORT = { width: 1366, height: 900 }

/** Tomorrow's date in Manila, as "d MMM yyyy" and as the UTC instant of 08:00 Manila. */
const tomorrowInManila = () => {
  const manila = new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000)
  const y = manila.getUTCFullYear()
  const m = manila.getUTCMonth()
  const d = manila.getUTCDate()
  const month = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ][m]
  return {
    typed: `${d} ${month} ${y}, 8:00 AM`,
    utc: new Date(Date.UTC(y, m, d, 0, 0)).toISOString(),
  }
}

describe.skipIf(!hasChromium)('a campaign manager runs a campaign in the admin', () => {
  let browser: Browser
  const external: string[] = []

  /** A browser context where every request off this machine is blocked and counted. */
  const closedNetwork = async (): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport: VIEWPORT })
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url())
      if (
        ['127.0.0.1', 'localhost'].includes(hostname) ||
        route.request().url().startsWith('data:')
      ) {
        return route.continue()
      }
      external.push(route.request().url())
      return route.abort()
    })
    return context
  }

  const signIn = async (page: Page, email: string, password: string) => {
    await page.goto(`${inject('baseUrl')}/admin/login`)
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 })
  }

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  it('signs in, reads the dashboard, creates and publishes a targeted task at 08:00 Manila; the sponsor accepts', async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    const brand = await createOrganization('brand')
    const marikina = await placeByCode(PLACES.marikinaCity)
    await payload.update({
      collection: 'organizations',
      id: lgu.org.id,
      data: { scope: [marikina.id] },
    })
    const password = 'manager-password-123'
    for (const user of [lgu.manager.user, brand.manager.user]) {
      await payload.update({ collection: 'users', id: user.id, data: { password } })
    }
    // Something waiting: a live task with one submission for review.
    const live = await createTask(lgu.org.id, {
      title: 'Ulat sa baha',
      budget: 1000,
      caps: { perResident: 1, total: 40 },
      targetCodes: [PLACES.concepcionUno],
    })
    const resident = await signInResident({ barangayCode: PLACES.concepcionUno })
    const submitted = await api('POST', '/api/submissions', {
      token: resident.token,
      body: { task: live.id, answers: { note: 'Baha sa kanto' } },
    })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201)

    const context = await closedNetwork()
    const page = await context.newPage()
    await signIn(page, lgu.manager.user.email, password)
    // Waiting for review (the workspace's card, linking to /admin/review), then the rest.
    const waiting = page.locator('.bn-dashcard')
    await waiting.waitFor({ timeout: 30_000 })
    expect(await waiting.innerText()).toMatch(/^1\s/)
    expect(await page.getByTestId('stat-decided').innerText()).toMatch(/^0\s/)
    expect(await page.getByTestId('stat-failed').innerText()).toMatch(/^0\s/)
    expect(await page.getByTestId('live-tasks').innerText()).toContain('Ulat sa baha')
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true })

    // A new task, targeting two Marikina barangays found by typing.
    await page.goto(`${inject('baseUrl')}/admin/collections/tasks/create`)
    await page.fill('#field-title', 'Tanim-puno sa Nangka at Tumana')
    await page.fill(
      '#field-description',
      'Magtanim ng puno sa inyong barangay at magpadala ng larawan.',
    )
    for (const [typed, label] of [
      ['Nangka', 'Nangka, City of Marikina, NCR'],
      ['Tumana', 'Tumana, City of Marikina, NCR'],
    ]) {
      await page.locator('#field-targets .rs__control').click()
      await page.keyboard.type(typed, { delay: 40 })
      const option = page.locator('.rs__option', { hasText: label })
      await option.first().waitFor({ timeout: 20_000 })
      if (typed === 'Nangka') await page.screenshot({ path: path.join(SHOTS, 'picker.png') })
      await option.first().click()
    }
    await page.getByTestId('targets-coverage').getByText('Reaches 2 barangays').waitFor()

    await page.fill('#field-reward__amount', '50')
    const start = tomorrowInManila()
    const startInput = page.locator('#field-startsAt input').first()
    await startInput.click()
    await startInput.fill(start.typed)
    await page.keyboard.press('Escape')
    await page.locator('#field-status .rs__control').click()
    await page.locator('.rs__option', { hasText: 'Published' }).click()
    await page.screenshot({ path: path.join(SHOTS, 'task-form.png'), fullPage: true })
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/tasks\/\d+/, { timeout: 30_000 })

    const id = Number(/tasks\/(\d+)/.exec(page.url())![1])
    const task = await payload.findByID({ collection: 'tasks', id, depth: 1 })
    expect(task.status).toBe('published')
    expect(task.startsAt).toBe(start.utc)
    expect((task.targets ?? []).map((t) => (typeof t === 'object' ? t.label : t)).sort()).toEqual([
      'Nangka, City of Marikina, NCR',
      'Tumana, City of Marikina, NCR',
    ])

    await page.goto(`${inject('baseUrl')}/admin/collections/tasks`)
    await page.getByText('Tanim-puno sa Nangka at Tumana').waitFor()
    await page.getByText('Scheduled').first().waitFor()
    await page.getByText('₱50 GCash').first().waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'tasks-list.png'), fullPage: true })

    // The LGU asks the brand to co-sponsor; the brand's manager accepts on their dashboard.
    // A new password ends earlier sessions: sign in again for a token.
    const login = await api('POST', '/api/users/login', {
      body: { email: lgu.manager.user.email, password },
    })
    const invite = await api('PATCH', `/api/tasks/${id}`, {
      token: login.body.token,
      body: { sponsors: [brand.org.id] },
    })
    expect(invite.status).toBe(200)
    const second = await (await closedNetwork()).newPage()
    await signIn(second, brand.manager.user.email, password)
    const invitations = second.getByTestId('invitations')
    await invitations.waitFor({ timeout: 30_000 })
    expect(await invitations.innerText()).toContain('Tanim-puno sa Nangka at Tumana')
    await second.screenshot({ path: path.join(SHOTS, 'dashboard-invitation.png'), fullPage: true })
    await invitations.getByRole('button', { name: 'Accept' }).click()
    await invitations.waitFor({ state: 'detached', timeout: 30_000 })
    const sponsored = await payload.findByID({ collection: 'tasks', id, depth: 0 })
    expect(sponsored.sponsors).toEqual([brand.org.id])

    await second.goto(`${inject('baseUrl')}/admin/collections/sponsorships`)
    await second.getByText('Accepted').first().waitFor()
    await second.screenshot({ path: path.join(SHOTS, 'sponsorships-list.png'), fullPage: true })

    console.log(`[e2e] external requests: ${external.length}`, external.slice(0, 5))
    expect(external).toEqual([])
  }, 300_000)
})
