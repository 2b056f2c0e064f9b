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
];

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
      await page.goto(`${url}/screenshot`);
      const element = page.locator('body > *:last-child');
      await page.waitForFunction(() => {
        const e = document.body.lastElementChild;
        return e?.shadowRoot?.querySelector('[part~="base"]') && !e.shadowRoot.querySelector('[part~="loading"], [part~="error"]');
      });
      const file = path.join(out, `${name}-${theme}.png`);
      await element.screenshot({ path: file });
      console.log(path.relative(root, file));
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await once(server, 'exit');
}
