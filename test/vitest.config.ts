// Vitest settings for `npm test`; lives under test/ because the repository's top level is fixed.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The config sits in test/, but paths (seeds/, server/src/) are relative to the repository root.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    // Forks, not threads: test/support/watchdog.ts ends a hung run by killing its own process.
    pool: 'forks',
    testTimeout: 10_000,
    reporters: ['default', './test/support/plainSummary.ts'],
  },
});
