import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCliServer, REPO_ROOT } from './cli.js';
import { editContent } from './content.js';
import './provided-context.js';

/** The hostile strings planted in the copy of the content that the hostile server serves. */
export const HOSTILE = {
  title: 'Super <img src=x onerror="window.__pwned=1">coder',
  summary:
    'Writes code <script>window.__pwned=2</script> all day <img src=x onerror="window.__pwned=3"> [link](javascript:window.__pwned=4)',
};

/**
 * Starts two servers through the CLI on free ports, for browser tests: one on
 * the real content, one on content with hostile strings. Both stop at the end.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-hostile-'));
  await cp(path.join(REPO_ROOT, 'content'), dir, { recursive: true });
  await editContent(dir, 'failure-modes.yaml', (text) =>
    text
      .replace(/(slug: super-coder\n\s+title: ).*/, `$1'${HOSTILE.title}'`)
      .replace(/(slug: super-coder\n\s+title: .*\n\s+summary: )>-\n(?:\s{6}.*\n)+/, `$1'${HOSTILE.summary.replace(/'/g, "''")}'\n`),
  );

  const [real, evil] = await Promise.all([startCliServer(), startCliServer(['--content', dir])]);
  project.provide('altitudeUrl', real.url);
  project.provide('hostileAltitudeUrl', evil.url);
  return async () => {
    await Promise.all([real.stop(), evil.stop()]);
    await rm(dir, { recursive: true, force: true });
  };
}
