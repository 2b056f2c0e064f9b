import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProjects, APPS, type AppName, type AppProjects, type Outcome } from '../support/app-project.js';
import { launchChromium } from '../support/browser.js';
import { postGraphql, startCliServer, type CliServer } from '../support/cli.js';

// The widgets as career portals use them: installed from the packed tarball
// into a Vite app of each kind (React 18 with the generated wrappers, React 19
// with the elements in JSX, Vue 3 with the elements in templates), built,
// type-checked and opened in Chromium against a real Altitude server.

// Packing, three installs and three builds take about a minute here with a
// warm pnpm store; a cold one downloads every dependency.
const SETUP_TIMEOUT_MS = 240_000;

/** How each app is checked, and the file holding its widgets. */
const APP = {
  react18: { checker: 'tsc', source: 'src/App.tsx' },
  react19: { checker: 'tsc', source: 'src/App.tsx' },
  vue3: { checker: 'vue-tsc', source: 'src/App.vue' },
} as const satisfies Record<AppName, { checker: string; source: string }>;

const settle = async <T>(promise: Promise<T>, keep: (value: T) => void): Promise<unknown> =>
  promise.then(keep).then(
    () => undefined,
    (error: unknown) => error ?? new Error('rejected'),
  );

let projects: AppProjects;
let server: CliServer;
let browser: Browser;
const built = {} as Record<AppName, Outcome>;
/** The first headline of the comparison the apps show, as the API serves it: real data, not a placeholder. */
let firstHeadline: string;

beforeAll(async () => {
  // Everything started is kept before any failure is thrown, so afterAll can stop it.
  const failures = (
    await Promise.all([
      settle(createAppProjects(), (p) => (projects = p)),
      settle(startCliServer(), (s) => (server = s)),
      settle(launchChromium(), (b) => (browser = b)),
    ])
  ).filter(Boolean);
  if (failures.length) throw failures[0];
  // The endpoint is the app's build-time configuration, as an app's API URL usually is.
  await Promise.all(
    APPS.map(async (name) => {
      built[name] = await projects.apps[name].exec('vite', ['build'], { VITE_ALTITUDE_ENDPOINT: `${server.url}/graphql` });
    }),
  );
  const { body } = await postGraphql(server.url, '{ compareLevels(slugs: ["staff", "principal"]) { rows { cells { headline } } } }');
  firstHeadline = body.data.compareLevels.rows[0].cells[0].headline;
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await projects?.remove();
});

describe.each(APPS)('a Vite + %s app with @altitude/widgets installed from the tarball', (name) => {
  it('builds with `vite build`', () => {
    const { code, output } = built[name];
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  });

  // The Vue app checks its templates strictly (`strictTemplates`): without it Vue takes any unknown attribute as a
  // fallthrough, and a misspelling passes.
  it(`passes ${APP[name].checker} --noEmit, which fails on a misspelt attribute`, async () => {
    const app = projects.apps[name];
    const check = () => app.exec(APP[name].checker, ['--noEmit', '-p', 'tsconfig.json']);
    const passed = await check();
    expect(passed, passed.output).toMatchObject({ code: 0 });

    // The same component with `levels` misspelt: only the widget's types can object to it.
    const { source } = APP[name];
    const original = await readFile(path.join(app.dir, source), 'utf8');
    const misspelt = original.replace(/\blevels=/, 'levls=');
    expect(misspelt).not.toBe(original);
    const file = source.replace(/App(\.\w+)$/, 'Misspelt$1');
    await writeFile(path.join(app.dir, file), misspelt);
    try {
      const failed = await check();
      expect(failed.code, failed.output).not.toBe(0);
      const errors = failed.output.split('\n').filter((line) => /error TS\d+/.test(line));
      expect(errors.length, failed.output).toBeGreaterThan(0);
      for (const error of errors) expect(error.startsWith(`${file}(`), failed.output).toBe(true);
      expect(failed.output).toContain('levls');
    } finally {
      await rm(path.join(app.dir, file));
    }
  }, 60_000);

  it("renders real data, and a bad attribute's de-error reaches the app through its event binding", async () => {
    const site = await projects.apps[name].serveDist();
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    try {
      await page.goto(site.url);
      await page.waitForFunction(
        (headline) => document.querySelector('#compare')?.shadowRoot?.textContent?.includes(headline),
        firstHeadline,
        { timeout: 15_000 },
      );
      // The app wrote the event's message into its own DOM; it is the one the widget shows.
      await page.waitForFunction(() => document.querySelector('#problem')?.textContent?.trim(), undefined, { timeout: 15_000 });
      const problem = (await page.textContent('#problem'))!.trim();
      expect(problem).toMatch(/"nobody"/);
      const shown = await page.evaluate(() => document.querySelector('#broken')?.shadowRoot?.querySelector('[part~="error"]')?.textContent);
      expect(shown?.replace(/\s+/g, ' ')).toContain(problem);
      expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    } finally {
      await page.close();
      await site.close();
    }
  });
});
