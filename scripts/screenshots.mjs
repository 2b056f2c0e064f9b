// Takes the widgets' screenshots (docs/widgets.md): every widget in the light and the dark
// theme, rendered by the system Chromium against a server started here.
// Usage: pnpm screenshots   (writes docs/screenshots/<widget>-<theme>.png)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'docs/screenshots');
const widgets = [
  ['level-compare', '<de-level-compare levels="staff principal distinguished"></de-level-compare>', 1100],
  ['level-card', '<de-level-card level="distinguished"></de-level-card>', 800],
  ['failure-mode-card', '<de-failure-mode-card mode="super-coder"></de-failure-mode-card>', 640],
  ['failure-mode-grid', '<de-failure-mode-grid></de-failure-mode-grid>', 1100],
  ['leverage-mechanisms', '<de-leverage-mechanisms></de-leverage-mechanisms>', 1100],
  // Its twenty-odd questions would fill the picture: it shows the answers' result instead (profile, gaps), cut at 2,400 px.
  [
    'self-assessment',
    '<style>de-self-assessment::part(questions) { display: none; }</style><de-self-assessment target="distinguished"></de-self-assessment>',
    1100,
  ],
  ['role-health-check', '<de-role-health-check></de-role-health-check>', 900],
];

/** A tool's answers as its link carries them: base64url JSON after `#<tag>=`. */
const fragment = (tag, answers) => `${tag}=${Buffer.from(JSON.stringify(answers)).toString('base64url')}`;

/** Answers for the tools, so their screenshots show a result: someone between Staff and Principal, and a few symptoms ticked. */
async function sampleAnswers(url) {
  const query = '{ levels { slug } dimensions { slug } capabilities { slug } leverageMechanisms { slug } failureModes { slug } }';
  const { data } = await (
    await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
  ).json();
  const [staff, principal] = data.levels.map((l) => l.slug);
  const answers = {};
  data.dimensions.forEach((d, i) => (answers[`dimension:${d.slug}`] = i % 3 === 0 ? staff : principal));
  data.capabilities.forEach((c, i) => (answers[`capability:${c.slug}`] = i % 2 ? staff : 'not-yet'));
  data.leverageMechanisms.forEach((m, i) => (answers[`mechanism:${m.slug}`] = i % 2 ? principal : staff));
  const [first, second] = data.failureModes.map((m) => m.slug);
  return {
    'self-assessment': fragment('de-self-assessment', { v: 1, tool: 'self-assessment', answers }),
    'role-health-check': fragment('de-role-health-check', {
      v: 1,
      tool: 'role-health-check',
      checked: [`${first}.0`, `${first}.1`, `${first}.2`, `${second}.0`],
    }),
  };
}

const server = spawn(process.execPath, [path.join(root, 'packages/server/dist/cli.js'), 'serve', '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  server.stdout.on('data', (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.includes('"listening"')) resolve(JSON.parse(line).url);
    }
  });
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await mkdir(out, { recursive: true });
  const hashes = await sampleAnswers(url);
  for (const [name, markup, width] of widgets) {
    for (const theme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1, colorScheme: theme });
      await page.route(`${url}/screenshot`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><body style="margin:0;padding:16px;background:${theme === 'dark' ? '#0d1117' : '#fff'};font-family:system-ui,sans-serif">
            <script type="module" src="/widgets.js"></script>${markup.replace('></', ` theme="${theme}"></`)}</body></html>`,
        }),
      );
      await page.goto(`${url}/screenshot${hashes[name] ? `#${hashes[name]}` : ''}`);
      const element = page.locator('body > *:last-child');
      await page.waitForFunction(() => {
        const e = document.body.lastElementChild;
        return e?.shadowRoot?.querySelector('[part~="base"]') && !e.shadowRoot.querySelector('[part~="loading"], [part~="error"]');
      });
      const file = path.join(out, `${name}-${theme}.png`);
      if (name === 'self-assessment') {
        const box = await element.boundingBox();
        await page.screenshot({ path: file, fullPage: true, clip: { ...box, height: Math.min(box.height, 2_400) } });
      } else await element.screenshot({ path: file });
      console.log(path.relative(root, file));
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await once(server, 'exit');
}
