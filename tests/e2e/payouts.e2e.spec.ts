import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'

import { applyPayoutState } from '../../collections/Rewards/operations/applyPayoutState'
import { readReward } from '../../collections/Rewards/operations/transition'
import { reserveBudget } from '../../collections/Tasks/operations/budget'
import { alertPayout } from '../../jobs/definitions/alertPayout'
import { pgPool } from '../../src/lib/sql'
import { withTransaction } from '../../src/lib/transaction'
import { eventually } from '../helpers/api'
import { createOrganization } from '../helpers/fixtures'
import { localPayload } from '../helpers/payload'
import { insertRewards } from '../helpers/rewards'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = fs.existsSync(CHROMIUM)

/** Screenshots for people to look at; kept out of git. */
const SHOTS = path.resolve('tests/e2e/screenshots')

/** Gives the staff member a known password and signs them in to the admin. */
const signIn = async (page: Page, user: { id: number; email: string }) => {
  const payload = await localPayload()
  const password = 'staff-password-123'
  await payload.update({ collection: 'users', id: user.id, data: { password } })
  await page.goto(`${inject('baseUrl')}/admin/login`)
  await page.fill('input[name="email"]', user.email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 30_000 })
}

describe.skipIf(!hasChromium)('payouts in the staff admin', () => {
  let browser: Browser

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    })
  })
  afterAll(async () => browser?.close())

  it('shows a failed payout with its reason, and lets a manager (not a reviewer) retry it', async () => {
    const payload = await localPayload()
    const db = pgPool(payload)
    const lgu = await createOrganization('lgu')
    const { rewards, task } = await insertRewards(db, {
      organization: lgu.org.id,
      amount: 40,
      status: 'issuing',
    })
    const id = rewards[0].id
    await db.query('UPDATE tasks SET budget = 100 WHERE id = $1', [task])
    await withTransaction(payload, (req) => reserveBudget(req, { taskId: task, amount: 40 }))
    await applyPayoutState(payload, (await readReward({ payload }, id))!, {
      status: 'failed',
      reason: 'GCash account closed',
      retryable: false,
    })
    expect(await alertPayout(payload, id, 'GCash account closed', 1)).toBe(true)

    const reviewer = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signIn(reviewer, lgu.reviewer.user)
    await reviewer.goto(`${inject('baseUrl')}/admin/collections/rewards/${id}`)
    await reviewer.getByTestId('payout-failed').waitFor({ timeout: 30_000 })
    expect(await reviewer.getByTestId('payout-failed-reason').innerText()).toContain(
      'GCash account closed',
    )
    expect(await reviewer.getByTestId('retry-payout').count()).toBe(0)
    await reviewer.screenshot({ path: path.join(SHOTS, 'reward-failed-reviewer.png') })
    await reviewer.close()

    const manager = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signIn(manager, lgu.manager.user)
    await manager.goto(`${inject('baseUrl')}/admin/collections/rewards/${id}`)
    await manager.getByTestId('retry-payout').waitFor({ timeout: 30_000 })
    await manager.screenshot({ path: path.join(SHOTS, 'reward-failed-manager.png') })
    await manager.getByTestId('retry-payout').click()
    await manager.getByText('Paid.').waitFor({ timeout: 45_000 })
    await manager.screenshot({ path: path.join(SHOTS, 'reward-retried.png') })
    expect(await manager.getByTestId('retry-payout').count()).toBe(0)
    const paid = await eventually(async () => {
      const row = await readReward({ payload }, id)
      return row?.status === 'issued' ? row : undefined
    })
    expect(paid.attempts).toBeGreaterThan(1)
    await manager.close()
  })

  it("shows a voucher pool's remaining codes and warns when they run low", async () => {
    const payload = await localPayload()
    const brand = await createOrganization('brand')
    const pool = await payload.create({
      collection: 'voucher-pools',
      data: {
        name: 'Jollibee ₱50',
        organization: brand.org.id,
        lowWatermark: 5,
        importCsv: 'code\nJB-0001\nJB-0002\nJB-0003\n',
      },
    })
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signIn(page, brand.manager.user)
    await page.goto(`${inject('baseUrl')}/admin/collections/voucher-pools/${pool.id}`)
    await page.getByTestId('pool-stock').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('pool-remaining').innerText()).toBe('3')
    expect(await page.getByRole('alert').filter({ hasText: 'Running low' }).count()).toBe(1)
    await page.screenshot({ path: path.join(SHOTS, 'voucher-pool-low.png') })

    await page.goto(`${inject('baseUrl')}/admin/collections/voucher-pools`)
    await page.getByTestId('pool-low').first().waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('pool-low').first().innerText()).toContain('3')
    await page.screenshot({ path: path.join(SHOTS, 'voucher-pools-list.png'), fullPage: true })
    await page.close()
  })
})
