import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.spec.ts', '{src,collections,jobs,providers}/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // One server and one database for the run; files take turns so timings stay calm on 2 cores.
    fileParallelism: false,
    // CI also keeps a JSON report, from which .ci/run prints its closing count.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.test-results.json' },
  },
})
