import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';

// swc emits decorator metadata exactly as tsc does (STACK.md trap 2); Nest DI depends on it.
const decorators = swc.vite({
  jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { decoratorMetadata: true, legacyDecorator: true }, target: 'es2022' },
});

// package.json "imports" map #server/* and #shared/* to dist/ for Node; the "source" condition points tests (node and DOM
// environments alike) and their globalSetup at the TypeScript sources instead. The server side leaves out Vite's "module"
// condition, which vitest hands to its Node workers: Node itself knows none, and with it `require` picks bundler builds
// Node cannot load (the AWS SDK's dist-es, extensionless imports) where the built server gets dist-cjs.
const sourceImports: Plugin = {
  name: 'source-imports',
  config: () => ({
    resolve: { conditions: ['source', ...defaultClientConditions] },
    ssr: { resolve: { conditions: ['source', ...defaultServerConditions.filter((c) => c !== 'module')] } },
  }),
};

// The tiers on a real embedded PostgreSQL share one, started once per run by this globalSetup.
const database = {
  globalSetup: ['test/support/global-setup.ts'],
  env: { TZ: 'Asia/Shanghai', LOG_LEVEL: 'silent' },
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
};

export default defineConfig({
  plugins: [sourceImports],
  test: {
    env: { TZ: 'Asia/Shanghai', LOG_LEVEL: 'silent' },
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      // Pure logic (shared/, audio maths): no database.
      { plugins: [decorators, sourceImports], test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: { TZ: 'Asia/Shanghai' } } },
      // The web's hooks in a simulated DOM, built as vite.config.ts builds the web (the React plugin).
      {
        plugins: [react(), sourceImports],
        test: { name: 'web', include: ['test/web/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['test/web/setup.ts'], env: { TZ: 'Asia/Shanghai' } },
      },
      // The HTTP API over supertest.
      { plugins: [decorators, sourceImports], test: { name: 'api', include: ['test/api/**/*.test.ts'], ...database } },
      // The BUILT server (npm run build first) in Debian's Chromium through playwright-core; a person's whole
      // task per test, so a slow shared machine gets more time (a limit, not a measured speed).
      { plugins: [decorators, sourceImports], test: { name: 'browser', include: ['test/browser/**/*.test.ts'], ...database, testTimeout: 90_000 } },
    ],
  },
});
