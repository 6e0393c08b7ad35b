import { defineConfig } from 'vitest/config';

// Three projects: unit (pure, fast, no cluster), integration (core against the real test cluster),
// e2e (Chromium or Electron against serve mode and the test cluster). scripts/test.mjs runs them in order.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'test-cluster/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src-main/**/*.int.test.ts', 'test-cluster/**/*.int.test.ts'],
          globalSetup: ['test-cluster/vitest-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['test-cluster/vitest-global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
