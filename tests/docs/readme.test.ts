import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

  it('has the widget reference generated from custom-elements.json (run `pnpm generate` to update)', async () => {
    await expect(run(process.execPath, [path.join(REPO_ROOT, 'scripts/widgets-docs.mjs'), '--check'])).resolves.toBeDefined();
  });

  it('shows a screenshot that exists for every widget in both themes', async () => {
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/\]\((docs\/screenshots\/[\w-]+\.png)\)/g)].map((m) => m[1]!);
    expect(images).toHaveLength(10);
    for (const image of images) expect(existsSync(path.join(REPO_ROOT, image)), image).toBe(true);
  });
});
