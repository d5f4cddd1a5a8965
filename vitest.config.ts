import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';

// swc emits decorator metadata exactly as tsc does (STACK.md trap 2); Nest DI depends on it.
export default defineConfig({
  plugins: [swc.vite({ jsc: { transform: { decoratorMetadata: true, legacyDecorator: true }, parser: { syntax: 'typescript', decorators: true } } })],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: 'Asia/Shanghai' },
  },
});
