import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: `npm run build:web && npm run test:e2e`. Kept apart from the unit tests (vitest.config.ts).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // The closing "N passed, N failed" line that .ci/run adds up.
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
