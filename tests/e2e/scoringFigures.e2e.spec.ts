import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'

import { hasChromium, launchChromium } from '../helpers/browser'
import { api, eventually } from '../helpers/api'
import { createOrganization, createTask, signInResident } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'

/** Screenshots for people to look at; kept out of git. */
const SHOTS = path.resolve('tests/e2e/screenshots')

describe.skipIf(!hasChromium)('scoring figures in the admin', () => {
  let browser: Browser

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  it("shows a manager how the task's submissions were decided, beside its thresholds", async () => {
    const payload = await localPayload()
    const lgu = await createOrganization('lgu')
    // A new account scores 10: approved automatically below 50.
    const task = await createTask(lgu.org.id, {
      title: 'Bilangin ang mga sirang ilaw',
      caps: { perResident: 5 },
      scoring: { approveBelow: 50, rejectAbove: null },
    } as never)
    const ids: number[] = []
    for (let i = 0; i < 2; i++) {
      const resident = await signInResident()
      const res = await api('POST', '/api/submissions', {
        token: resident.token,
        body: { task: task.id, answers: { note: `pole ${i}` } },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      ids.push(res.body.doc.id)
    }
    for (const id of ids) {
      await eventually(
        async () => {
          const doc = await payload.findByID({ collection: 'submissions', id, depth: 0 })
          return doc.status === 'auto_approved' ? doc : undefined
        },
        30_000,
        `submission ${id} to be approved automatically`,
      )
    }

    const password = 'manager-password-123'
    await payload.update({ collection: 'users', id: lgu.manager.user.id, data: { password } })
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const failed: string[] = []
    page.on('response', (res) => {
      if (res.url().includes('/scoring-figures') && res.status() !== 200) {
        failed.push(`${res.url()} → ${res.status()}`)
      }
    })
    await page.goto(`${inject('baseUrl')}/admin/login`)
    await page.fill('input[name="email"]', lgu.manager.user.email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 30_000 })

    await page.goto(`${inject('baseUrl')}/admin/collections/tasks/${task.id}`)
    const figures = page.locator('table', { hasText: 'Approved automatically' })
    await figures.waitFor({ timeout: 30_000 })
    await figures.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'admin-scoring-figures.png'), fullPage: true })
    const cells = async (label: string) =>
      (await figures.locator('tr', { hasText: label }).locator('td').innerText()).trim()
    expect(await cells('Submissions')).toBe('2')
    expect(await cells('Approved automatically')).toBe('2')
    expect(await cells('Rejected automatically')).toBe('0')
    expect(failed).toEqual([])
    await page.close()
  })
})
