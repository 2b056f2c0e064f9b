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

/** `text` with `pattern` replaced; a pattern gone stale throws instead of leaving the test testing nothing. */
function replaced(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`${pattern} no longer matches the content`);
  return text.replace(pattern, replacement);
}

/**
 * A copy of the content whose translations fall back to English, for the
 * widgets' language tests: in German the super-coder's title is stale (its
 * translatedFrom names other English than today's) and its summary missing,
 * and the staff level's operating-scope headline is stale, so those three are
 * served in English; Japanese is gone, so everything asked in it is.
 */
async function fallbackContent(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-fallback-'));
  await cp(path.join(REPO_ROOT, 'content'), dir, { recursive: true });
  await editContent(dir, 'locales/de/failure-modes.yaml', (text) => {
    let edited = replaced(text, /(- slug: super-coder\n[\s\S]*?translatedFrom:\n\s+title: )[0-9a-f]{12}/, '$1abcdefabcdef');
    edited = replaced(edited, /(- slug: super-coder\n\s+title: .*\n)\s+summary: .*\n(?: {6}.*\n)*/, '$1');
    return replaced(edited, /(- slug: super-coder\n[\s\S]*?translatedFrom:\n(?: {6}.*\n)*?) {6}summary: [0-9a-f]{12}\n/, '$1');
  });
  await editContent(dir, 'locales/de/levels.yaml', (text) =>
    replaced(text, /(- slug: staff\n[\s\S]*?expectations\.operating-scope\.headline: )[0-9a-f]{12}/, '$1abcdefabcdef'),
  );
  await rm(path.join(dir, 'locales/ja'), { recursive: true });
  return dir;
}

/**
 * Starts three servers through the CLI on free ports, for browser tests: one
 * on the real content, one on content with hostile strings, one on content
 * whose translations fall back to English. All stop at the end.
 */
export default async function setup(project: TestProject) {
  const fallbackDir = await fallbackContent();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-hostile-'));
  await cp(path.join(REPO_ROOT, 'content'), dir, { recursive: true });
  await editContent(dir, 'failure-modes.yaml', (text) =>
    text
      .replace(/(slug: super-coder\n\s+title: ).*/, `$1'${HOSTILE.title}'`)
      .replace(/(slug: super-coder\n\s+title: .*\n\s+summary: )>-\n(?:\s{6}.*\n)+/, `$1'${HOSTILE.summary.replace(/'/g, "''")}'\n`),
  );

  const [real, evil, fallback] = await Promise.all([
    startCliServer(),
    startCliServer(['--content', dir]),
    startCliServer(['--content', fallbackDir]),
  ]);
  project.provide('altitudeUrl', real.url);
  project.provide('hostileAltitudeUrl', evil.url);
  project.provide('fallbackAltitudeUrl', fallback.url);
  return async () => {
    await Promise.all([real.stop(), evil.stop(), fallback.stop()]);
    await rm(dir, { recursive: true, force: true });
    await rm(fallbackDir, { recursive: true, force: true });
  };
}
