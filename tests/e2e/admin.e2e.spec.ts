import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'

import { CHROMIUM, hasChromium, launchChromium } from '../helpers/browser'
import { createOrganization, createTask } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

if (!hasChromium)
  console.warn(`[e2e] ${CHROMIUM} not found: skipping browser tests (CI installs it)`)

/** Screenshots for people to look at; kept out of git. */
const SHOTS = path.resolve('tests/e2e/screenshots')

describe.skipIf(!hasChromium)('the staff admin in a browser', () => {
  let browser: Browser

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  it("signs a reviewer in and shows their organisation's tasks, not another's", async () => {
    const mine = await createOrganization('lgu')
    const theirs = await createOrganization('brand')
    const task = await createTask(mine.org.id, { title: 'Ayusin ang ilaw sa kanto' })
    const hidden = await createTask(theirs.org.id, { title: 'Another organisation’s task' })
    const payload = await localPayload()
    const password = 'reviewer-password-123'
    await payload.update({ collection: 'users', id: mine.reviewer.user.id, data: { password } })

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${inject('baseUrl')}/admin/login`)
    await page.fill('input[name="email"]', mine.reviewer.user.email)
    await page.fill('input[name="password"]', password)
    await page.screenshot({ path: path.join(SHOTS, 'admin-login.png') })
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 30_000 })

    await page.goto(`${inject('baseUrl')}/admin/collections/tasks`)
    await page.getByText(task.title).first().waitFor({ timeout: 30_000 })
    // The reward column reads as a person would write it.
    await page.getByText('₱25 GCash').first().waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(SHOTS, 'admin-tasks.png'), fullPage: true })
    expect(await page.getByText(hidden.title).count()).toBe(0)
    await page.close()
  })

  it("keeps a manager's list screens working under the API's limit and depth bounds", async () => {
    const mine = await createOrganization('lgu')
    const payload = await localPayload()
    const password = 'manager-password-123'
    await payload.update({ collection: 'users', id: mine.manager.user.id, data: { password } })

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    // Every API call the admin makes for this manager, with what it answered.
    const refused: string[] = []
    const lookups: string[] = []
    page.on('response', (res) => {
      if (res.url().includes('limit=250')) lookups.push(`${res.url()} → ${res.status()}`)
      if (res.url().includes('/api/') && res.status() >= 400) {
        refused.push(`${res.request().method()} ${res.url()} → ${res.status()}`)
      }
    })
    await page.goto(`${inject('baseUrl')}/admin/login`)
    await page.fill('input[name="email"]', mine.manager.user.email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 30_000 })

    // The team list's organisation column is filled by the admin's relationship lookup
    // (GET …?limit=250&where[id][in]=…), which the bounds let through as a lookup by id.
    await page.goto(`${inject('baseUrl')}/admin/collections/users`)
    await page.getByText(mine.reviewer.user.email).first().waitFor({ timeout: 30_000 })
    await page.locator('table').getByText(mine.org.name).first().waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(SHOTS, 'admin-team-list.png'), fullPage: true })
    expect(refused).toEqual([])
    expect(lookups.length, 'the organisation column was looked up by id').toBeGreaterThan(0)
    await page.close()
  })
})
