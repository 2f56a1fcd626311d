import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // AWS SDK releases warn on Node 20 at every client construction; the pinned versions support it.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The JSON report lets .ci/run print the "N passed, M failed" line CI reads.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
