import { createRequire } from 'node:module';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// graphql ships both index.js (CJS) and index.mjs. Node and the libraries we
// use (Pothos, yoga) load the CJS build; vite would pick the .mjs for our own
// code, and graphql refuses to mix the two ("from another module or realm").
const graphqlCjs = createRequire(import.meta.url).resolve('graphql', { paths: ['packages/schema'] });

// One project per package plus the cross-package end-to-end tests. Widgets
// add a browser project when they arrive.
// The system Chromium (Debian's package), never a downloaded browser; the
// background-networking flags stop it calling home on a closed network.
const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
});

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'schema',
          root: 'packages/schema',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          root: 'packages/server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['../../tests/support/build-once.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: 'tests',
          include: ['**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./support/build-once.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'widgets',
          root: 'packages/widgets',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['src/**/*.node.test.ts'],
          globalSetup: ['../../tests/support/build-once.ts', '../../tests/support/altitude-servers.ts'],
          testTimeout: 15_000,
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'widgets-node',
          root: 'packages/widgets',
          include: ['src/**/*.node.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['../../tests/support/build-once.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
