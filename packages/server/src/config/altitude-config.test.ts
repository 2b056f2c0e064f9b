import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, loadFrameworkOrThrow, type Framework } from '@altitude/schema';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './altitude-config.js';

let framework: Framework;
let dir: string;

beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-config-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('loadConfig with a config file that is not a plain file', () => {
  it('refuses a named pipe at once instead of waiting on it', async () => {
    execFileSync('mkfifo', [path.join(dir, 'altitude.config.yaml')]);
    await expect(loadConfig(framework, dir)).rejects.toThrow('altitude.config.yaml: is a named pipe');
  });

  it('refuses a directory, a symlink leaving its folder and a file over 256 KiB', async () => {
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'altitude-elsewhere-'));
    try {
      await writeFile(path.join(elsewhere, 'real.yaml'), 'jobFamily: X\n');
      await symlink(path.join(elsewhere, 'real.yaml'), path.join(dir, 'linked.yaml'));
      await expect(loadConfig(framework, dir, 'linked.yaml')).rejects.toThrow(/linked\.yaml: is a symbolic link to .*outside/);
      await writeFile(path.join(dir, 'big.yaml'), `jobFamily: ${'x'.repeat(300 * 1024)}\n`);
      await expect(loadConfig(framework, dir, 'big.yaml')).rejects.toThrow(/big\.yaml: is \d+ bytes, over the 262144-byte limit/);
      await expect(loadConfig(framework, dir, '.')).rejects.toThrow(/is a directory/);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
