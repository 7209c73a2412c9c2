/**
 * One vitest run, six projects — one per test layer (see README "Tests").
 * `npm test` runs them in order through scripts/test-all.sh; each can also run alone
 * with `vitest run --project <name>`.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = __dirname
/** The shared contract (tsconfig paths `@contract/*`), for every layer. */
const contract = { find: /^@contract\//, replacement: `${resolve(root, 'contract')}/` }

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
        resolve: { alias: [contract, { find: '@', replacement: resolve(root, 'src') }] },
      },
      {
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
        },
        resolve: {
          alias: [
            contract,
            // Pages import Taro; in jsdom we swap in small test doubles (see tests/component/taro-*.tsx).
            { find: /^@tarojs\/taro$/, replacement: resolve(root, 'tests/component/taro-mock.ts') },
            { find: /^@tarojs\/components$/, replacement: resolve(root, 'tests/component/components-mock.tsx') },
            { find: '@', replacement: resolve(root, 'src') },
          ],
        },
        esbuild: { jsx: 'automatic' },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          // Copies every test logger's lines to SERVER_TEST_LOG_FILE when set (the log-redaction check).
          setupFiles: ['tests/server/log-copy.setup.ts'],
          // PGlite boots a WASM Postgres per test file; give it room on a 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
        resolve: { alias: [contract] },
      },
      {
        test: {
          name: 'weapp',
          include: ['tests/weapp/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
        resolve: { alias: [contract] },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
        resolve: { alias: [contract] },
      },
      {
        test: {
          name: 'automator',
          include: ['tests/automator/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
        resolve: { alias: [contract] },
      },
    ],
  },
})
