import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The JSON report lets .ci/run print the plain closing line `N passed, N failed`.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/report.json' },
  },
});
