import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const memo = Symbol.for('altitude.build-once');

/**
 * Tests run what users run: the built `dist/` of every package, the
 * widget bundle and the widgets' per-component modules, built as `pnpm build`
 * builds them. `pnpm test` builds first; this makes a bare `vitest` run safe
 * too. It runs once per test run (every project's setup shares the main
 * process).
 */
export default function buildOnce(): void {
  const state = globalThis as { [memo]?: true };
  if (state[memo]) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'packages/widgets/scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  state[memo] = true;
}
