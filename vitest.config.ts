import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships both index.js (CJS) and index.mjs. Node and the libraries we
// use (Pothos, yoga) load the CJS build; vite would pick the .mjs for our own
// code, and graphql refuses to mix the two ("from another module or realm").
const graphqlCjs = createRequire(import.meta.url).resolve('graphql', { paths: ['packages/schema'] });

// One project per package plus the cross-package end-to-end tests. Widgets
// add a browser project when they arrive.
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
    ],
  },
});
