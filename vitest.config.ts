import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'core/**/*.test.ts', 'cards/**/*.test.ts', 'bots/**/*.test.ts', 'db/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One migrated database per worker is expensive (PGlite cold start ~5 s); keep workers few.
    maxWorkers: 2,
    // Test files in a worker share one migrated database (see test/support/db.ts); isolation is per tenant.
    isolate: false,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
