import { describe, expect, it } from 'vitest'

import { runOncePerCluster } from '../../jobs/cron/runOnce'
import { localPayload } from '../helpers/payload'

describe('periodic work', () => {
  it('runs a slot once when four processes fire it at the same moment', async () => {
    const payload = await localPayload()
    const slot = new Date().toISOString() + Math.random()
    let runs = 0
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        runOncePerCluster(payload, 'test.tick', slot, async () => {
          runs++
          await new Promise((resolve) => setTimeout(resolve, 50))
        }),
      ),
    )
    expect(runs).toBe(1)
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1)
  })

  it('does not run a slot again after it finished, and skips while the job is still running', async () => {
    const payload = await localPayload()
    const slot = `slot-${Math.random()}`
    let runs = 0
    expect(await runOncePerCluster(payload, 'test.again', slot, async () => runs++)).toBe('ran')
    expect(await runOncePerCluster(payload, 'test.again', slot, async () => runs++)).toBe(
      'ran-elsewhere',
    )
    let release!: () => void
    const slow = runOncePerCluster(
      payload,
      'test.slow',
      `${slot}-1`,
      () => new Promise<void>((resolve) => (release = resolve)),
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    // The next slot fires while the previous run of the same job is still going.
    expect(await runOncePerCluster(payload, 'test.slow', `${slot}-2`, async () => runs++)).toBe(
      'busy',
    )
    release()
    expect(await slow).toBe('ran')
    expect(runs).toBe(1)
  })
})
