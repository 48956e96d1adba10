import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.spec.ts', '{src,collections,jobs,providers}/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // One server and one database for the run; files take turns so timings stay calm on 2 cores.
    fileParallelism: false,
  },
})
