import { randomBytes } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { hasChromium, launchChromium } from '../helpers/browser'
import { localPayload } from '../helpers/payload'

/** Collects every CSP violation and console error a page reports. */
const watch = async (page: Page) => {
  const violations: string[] = []
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`),
    )
  })
  return violations
}

describe.skipIf(!hasChromium)('the CSP in a browser', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  it('lets the admin work without a single violation', async () => {
    const payload = await localPayload()
    const email = `csp-${randomBytes(4).toString('hex')}@test.bayanet.local`
    const password = `csp-${randomBytes(12).toString('hex')}`
    await payload.create({ collection: 'users', data: { email, password, roles: ['admin'] } })
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const violations = await watch(page)
    const base = inject('baseUrl')
    await page.goto(`${base}/admin/login`)
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 30_000 })
    for (const path of [
      '/admin/collections/tasks',
      '/admin/collections/tasks/create',
      '/admin/collections/sms-outbox',
    ]) {
      await page.goto(`${base}${path}`)
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined)
    }
    expect(violations).toEqual([])
    await page.close()
  })

  it('lets the resident app load without a violation', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } })
    const violations = await watch(page)
    await page.goto(`${inject('baseUrl')}/`)
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined)
    expect(violations).toEqual([])
    await page.close()
  })
})
