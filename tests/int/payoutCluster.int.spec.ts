import { randomInt } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAgenda } from '../../jobs/queue'
import { startFakeXendit, type FakeXendit } from '../fakes/xendit'
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { startTestServer, type TestServer } from '../helpers/testServer'
import { insertRewards } from '../helpers/rewards'

/**
 * Several `BAYANET_ROLE=worker` processes against one database of their own, paying GCash
 * rewards through a fake Xendit. The long variants run in `npm run battery:payouts`.
 */
const APPROVALS = Number(process.env.PAYOUT_APPROVALS) || 24
const KILLS = Number(process.env.PAYOUT_KILLS) || 3
const SECRET = 'bayanet-cluster-secret-0123456789abcdef'

let database: TestDatabase
let shared: { fake: FakeXendit; workers: TestServer[] } | undefined
let db: pg.Pool
beforeAll(async () => {
  database = await createTestDatabase()
  db = new pg.Pool({ connectionString: database.url, max: 3 })
}, 60_000)
afterAll(async () => {
  if (shared) {
    await Promise.all(shared.workers.map((w) => w.stop()))
    await shared.fake.close()
  }
  await db?.end()
  await database?.dispose()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A worker process on the cluster's database, paying through `fake`. */
const worker = (fake: FakeXendit, env: Record<string, string> = {}) =>
  startTestServer({
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: SECRET,
    BAYANET_ROLE: 'worker',
    PAYOUT_PROVIDER: 'xendit',
    XENDIT_SECRET_KEY: fake.secretKey,
    XENDIT_BASE_URL: fake.url,
    XENDIT_TIMEOUT_MS: '3000',
    CRON_RECONCILE: '*/2 * * * * *',
    RECONCILE_AFTER_MS: '1500',
    REWARD_ISSUE_LOCK_MS: '4000',
    // Small pools: with kills and restarts three workers share one Postgres (and its
    // max_connections) with the suite's own server; the full battery ran out of connections.
    DATABASE_POOL_MAX: '5',
    ...env,
  })

/** Queues `reward.issue` for each reward, as an approval does after it commits. */
const enqueueAll = async (ids: number[]) => {
  const agenda = createAgenda(database.url)
  await agenda.ready
  for (const rewardId of ids) {
    await agenda.create('reward.issue', { rewardId, attempt: 0 }).schedule(new Date()).save()
  }
  // Never started, so stop() would leave its pool open: close the backend ourselves.
  await (agenda as unknown as { backend: { disconnect: () => Promise<void> } }).backend.disconnect()
}

const statusCounts = async (ids: number[]) => {
  const { rows } = await db.query(
    `SELECT status, count(*)::int AS n FROM rewards WHERE id = ANY($1) GROUP BY status`,
    [ids],
  )
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>
}

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await sleep(500)
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('a cluster of workers', () => {
  it('runs each periodic slot once across four workers that start together', async () => {
    const fake = await startFakeXendit({ autoSettle: 'SUCCEEDED', createDelayMs: 150 })
    // Four workers on an empty database at once: migrations and Agenda's table under one lock.
    const workers = await Promise.all(Array.from({ length: 4 }, () => worker(fake)))
    let keep = false
    try {
      const started = Date.now()
      await sleep(7_000)
      const runs = new Map<string, number>()
      for (const w of workers) {
        for (const line of fs.readFileSync(w.logFile, 'utf8').split('\n')) {
          const slot = /periodic run payout\.reconcile (\S+)/.exec(line)?.[1]
          if (slot && Date.parse(slot) >= started - 1000) runs.set(slot, (runs.get(slot) ?? 0) + 1)
        }
      }
      const twice = [...runs.values()].filter((n) => n > 1).length
      console.log(
        `[payouts] periodic runs: ${runs.size} slots over 4 workers, slots run twice: ${twice}`,
      )
      expect(runs.size).toBeGreaterThanOrEqual(3)
      expect(twice).toBe(0)
      // The next test goes on with two of them (booting workers is the slow part).
      await Promise.all(workers.splice(2).map((w) => w.stop()))
      shared = { fake, workers }
      keep = true
    } finally {
      if (!keep) {
        await Promise.all(workers.map((w) => w.stop()))
        await fake.close()
      }
    }
  }, 240_000)

  it(
    `pays ${APPROVALS} approvals exactly once while workers are SIGKILLed ${KILLS} times`,
    async () => {
      const fake =
        shared?.fake ?? (await startFakeXendit({ autoSettle: 'SUCCEEDED', createDelayMs: 150 }))
      const workers: TestServer[] =
        shared?.workers ?? (await Promise.all([worker(fake), worker(fake)]))
      shared = undefined
      const ids: number[] = []
      let kills = 0
      let killing: Promise<void> = Promise.resolve()
      // One kill at a time: SIGKILL a random worker, then start a replacement.
      const killOne = () =>
        (killing = killing.then(async () => {
          const victim = workers.splice(randomInt(0, workers.length), 1)[0]
          await victim.kill()
          kills++
          workers.push(await worker(fake))
        }))
      let killAtAccept = false
      fake.onAccepted = () => {
        // After the provider accepted, before our commit: a kill right now.
        if (killAtAccept) {
          killAtAccept = false
          void killOne()
        }
      }
      try {
        // One kill per batch, so exactly KILLS batches, their sizes adding up to APPROVALS.
        const batches = Math.max(KILLS, 1)
        const upTo = (b: number) => Math.floor((b * APPROVALS) / batches)
        for (let b = 0; b < batches; b++) {
          const { rewards } = await insertRewards(db, {
            provider: 'xendit',
            count: Math.max(1, upTo(b + 1) - upTo(b)),
          })
          const batch = rewards.map((r) => r.id)
          ids.push(...batch)
          await enqueueAll(batch)
          if (b % 2 === 0) {
            killAtAccept = true
            await waitFor(async () => !killAtAccept, 20_000, 'a kill after an accept')
          } else {
            await sleep(randomInt(100, 1500)) // before the call, or anywhere
            await killOne()
          }
        }
        await killing
        await waitFor(
          async () => (await statusCounts(ids)).issued === ids.length,
          120_000,
          'every reward to be issued',
        )
        const keys = new Set(
          (await db.query(`SELECT payout_key FROM rewards WHERE id = ANY($1)`, [ids])).rows.map(
            (r) => r.payout_key,
          ),
        )
        const payouts = fake.payouts.filter((p) => keys.has(p.reference_id))
        const duplicates = fake.duplicates().length
        const lost = ids.length - (await statusCounts(ids)).issued
        const stale = Number(
          (await db.query(`SELECT count(*)::int AS n FROM reward_fence_rejections`)).rows[0].n,
        )
        const ledger = Number(
          (
            await db.query(
              `SELECT count(*)::int AS n FROM payout_ledger WHERE reward_id = ANY($1) AND entry = 'payout'`,
              [ids],
            )
          ).rows[0].n,
        )
        console.log(
          `[payouts] kill test: approvals ${ids.length}, kills ${kills}, provider payouts ${payouts.length}, duplicates ${duplicates}, lost ${lost}, ledger entries ${ledger}, stale writes refused ${stale}, create calls ${fake.createCalls()}`,
        )
        expect(kills).toBeGreaterThanOrEqual(KILLS)
        expect(payouts).toHaveLength(ids.length)
        expect(duplicates).toBe(0)
        expect(lost).toBe(0)
        expect(ledger).toBe(ids.length)
      } finally {
        fake.onAccepted = undefined
        await Promise.all(workers.map((w) => w.stop()))
        await fake.close()
      }
    },
    Math.max(300_000, KILLS * 25_000 + 120_000),
  )

  it('lets two workers overlap when a 5 s call outlives a 2 s lock, and still pays once', async () => {
    // The provider takes 5 s before the payout exists; the job's lock lasts 2 s and is not
    // touched, so the other worker takes the job over while the first is still waiting.
    const fake = await startFakeXendit({ processingMs: 5_000 })
    const env = {
      REWARD_ISSUE_LOCK_MS: '2000',
      REWARD_ISSUE_TOUCH: 'off',
      XENDIT_TIMEOUT_MS: '8000',
    }
    const workers = await Promise.all([worker(fake, env), worker(fake, env)])
    try {
      const before = Number(
        (await db.query(`SELECT count(*)::int AS n FROM reward_fence_rejections`)).rows[0].n,
      )
      const { rewards } = await insertRewards(db, { provider: 'xendit', count: 3 })
      const ids = rewards.map((r) => r.id)
      await enqueueAll(ids)
      await waitFor(async () => fake.overlaps() > 0, 30_000, 'an overlapping execution')
      for (const p of fake.payouts) if (p.status === 'ACCEPTED') fake.setStatus(p.id, 'SUCCEEDED')
      await waitFor(
        async () => {
          for (const p of fake.payouts)
            if (p.status === 'ACCEPTED') fake.setStatus(p.id, 'SUCCEEDED')
          return (await statusCounts(ids)).issued === ids.length
        },
        90_000,
        'every reward to be issued',
      )
      const stale =
        Number(
          (await db.query(`SELECT count(*)::int AS n FROM reward_fence_rejections`)).rows[0].n,
        ) - before
      const keys = new Set(rewards.map((r) => r.idempotency_key))
      const payouts = fake.payouts.filter((p) =>
        [...keys].some((k) => p.reference_id === k || p.reference_id.startsWith(`${k}-r`)),
      )
      console.log(
        `[payouts] lock overlap: overlapping executions ${fake.overlaps()}, provider payouts ${payouts.length} for ${ids.length} rewards, duplicates ${fake.duplicates().length}, stale writes refused ${stale}`,
      )
      expect(fake.overlaps()).toBeGreaterThan(0)
      expect(payouts).toHaveLength(ids.length)
      expect(fake.duplicates()).toEqual([])
      expect(stale).toBeGreaterThan(0)
    } finally {
      await Promise.all(workers.map((w) => w.stop()))
      await fake.close()
    }
  }, 240_000)
})
