import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The JSON report lets .ci/run print the "N passed, M failed" line CI reads.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
