import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const memo = Symbol.for('altitude.build-once');

/**
 * Tests run what users run: the built `dist/` of every package, the
 * widget bundle and the widgets' per-component modules. `pnpm test` builds first; this makes a bare `vitest` run
 * safe too. It runs once per test run (every project's setup shares the
 * main process), and both builds are quick when nothing changed.
 */
export default function buildOnce(): void {
  const state = globalThis as { [memo]?: true };
  if (state[memo]) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: root, stdio: 'inherit' });
  const vite = path.join(root, 'packages/widgets/node_modules/vite/bin/vite.js');
  for (const mode of ['production', 'embed', 'modules']) {
    execFileSync(process.execPath, [vite, 'build', '--mode', mode, '--logLevel', 'warn'], {
      cwd: path.join(root, 'packages/widgets'),
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would make Vite bundle Lit's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  state[memo] = true;
}
