import { describe, expect, it } from 'vitest'

import { INITIAL_JS_BUDGET, measureFirstLoads } from '../../client/scripts/size'
import { projectRoot } from '../../src/env'
import { buildClient, clientDist } from '../../src/lib/clientBuild'

describe('the resident app stays small', () => {
  it('loads at most 20 KB of gzipped JavaScript on any first page', async () => {
    await buildClient(projectRoot)
    const loads = measureFirstLoads(clientDist(projectRoot))
    expect(loads.length).toBeGreaterThanOrEqual(10)
    console.log(
      loads.map((l) => `${l.route.padEnd(22)} ${(l.gzipBytes / 1024).toFixed(2)} KB`).join('\n'),
    )
    for (const load of loads) {
      expect(load.gzipBytes, `${load.route}: ${load.files.join(', ')}`).toBeLessThanOrEqual(
        INITIAL_JS_BUDGET,
      )
    }
  })
})
