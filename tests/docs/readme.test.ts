import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

const run = promisify(execFile);

describe('README', () => {
  it('starts with the install-and-start command and the test command', async () => {
    const head = (await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8')).split('\n').slice(0, 40).join('\n');
    expect(head).toContain('npm install -g pnpm@10.34.9 && pnpm install && pnpm start');
    expect(head).toMatch(/```sh\npnpm test\n```/);
  });

  it('docs/widgets.md has the widget reference generated from custom-elements.json (run `pnpm generate` to update)', async () => {
    await expect(run(process.execPath, [path.join(REPO_ROOT, 'scripts/widgets-docs.mjs'), '--check'])).resolves.toBeDefined();
  });

  it('docs/widgets.md shows a screenshot that exists for every widget in both themes', async () => {
    const page = await readFile(path.join(REPO_ROOT, 'docs/widgets.md'), 'utf8');
    const images = [...page.matchAll(/\]\((screenshots\/[\w-]+\.png)\)/g)].map((m) => m[1]!);
    expect(images).toHaveLength(14);
    for (const image of images) expect(existsSync(path.join(REPO_ROOT, 'docs', image)), image).toBe(true);
  });

  it('links only to files and headings that exist, in the README and every guide', async () => {
    const pages = ['README.md', ...(await readdir(path.join(REPO_ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const broken: string[] = [];
    for (const page of pages) {
      const text = await readFile(path.join(REPO_ROOT, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:)/.test(target!)) continue;
        const [file, anchor] = target!.split('#');
        const resolved = file ? path.join(path.dirname(path.join(REPO_ROOT, page)), file) : path.join(REPO_ROOT, page);
        if (!existsSync(resolved)) broken.push(`${page}: ${target}`);
        else if (anchor && resolved.endsWith('.md') && !headingAnchors(await readFile(resolved, 'utf8')).has(anchor))
          broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

/** GitHub's anchors for a Markdown page's headings. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (heading)
      anchors.add(
        heading[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N} _-]/gu, '')
          .replace(/ /g, '-'),
      );
  }
  return anchors;
}
