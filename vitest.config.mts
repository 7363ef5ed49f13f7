import { defineConfig } from 'vitest/config';

// dt-sql-parser's ESM build uses directory imports that plain Node ESM rejects; inlining lets Vite bundle it,
// as esbuild does for the extension.
const inlineDeps = { server: { deps: { inline: ['dt-sql-parser'] } } };

export default defineConfig({
  test: {
    projects: [
      // Pure specs share one module graph per worker (no per-file isolation): the SuiteQL parser, transformed once, is
      // then not evaluated again for every spec file, which made most of the unit run's time.
      { test: { name: 'unit', include: ['test/unit/**/*.spec.ts'], isolate: false, ...inlineDeps } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          ...inlineDeps,
        },
      },
    ],
  },
});
