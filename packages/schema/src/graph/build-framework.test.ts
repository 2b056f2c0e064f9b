import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrameworkOrThrow } from '../loader/load-framework.js';
import { DEFAULT_CONTENT_DIR } from '../paths.js';
import type { Framework } from './types.js';

let framework: Framework;
beforeAll(async () => {
  framework = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
});

describe('the loaded framework graph', () => {
  it('orders levels by rank and links transitions both ways', () => {
    expect(framework.levels.map((l) => l.slug)).toEqual(['staff', 'principal', 'distinguished']);
    const [staff, principal, distinguished] = framework.levels;
    expect(staff!.transitionsOut.map((t) => t.to)).toEqual([principal]);
    expect(distinguished!.transitionsIn.map((t) => t.from)).toEqual([principal]);
    expect(framework.transitions.map((t) => t.slug)).toEqual(['staff-to-principal', 'principal-to-distinguished']);
  });

  it('gives every level one expectation per dimension, in dimension order', () => {
    for (const level of framework.levels) {
      expect(level.expectations.map((e) => e.dimension)).toEqual(framework.dimensions);
      for (const e of level.expectations) expect(e.level).toBe(level);
    }
  });

  it('links failure modes and the practices that prevent them in both directions', () => {
    for (const mode of framework.failureModes) {
      expect(mode.preventedBy.length).toBeGreaterThan(0);
      for (const practice of mode.preventedBy) expect(practice.prevents).toContain(mode);
    }
  });

  it('resolves citations to source objects and records who cites each source', () => {
    for (const entity of framework.entities) {
      for (const citation of entity.sources) {
        expect(framework.sources).toContain(citation.source);
        expect(citation.source.sections).toContain(citation.section);
        expect(citation.source.citedBy).toContain(entity);
      }
    }
  });

  it('is immutable all the way down', () => {
    expect(Object.isFrozen(framework)).toBe(true);
    expect(Object.isFrozen(framework.levels)).toBe(true);
    expect(Object.isFrozen(framework.levels[0]!.expectations[0]!.text)).toBe(true);
    expect(() => {
      (framework.levels[0] as { title: string }).title = 'changed';
    }).toThrow(TypeError);
  });

  it('finds entities and sources by kind and slug', () => {
    expect(framework.find('FailureMode', 'super-coder')?.title).toBeTruthy();
    expect(framework.find('Source', 'najim-what-distinguished-engineers-actually-do')?.author).toBe('Maxime Najim');
    expect(framework.find('Level', 'nope')).toBeUndefined();
  });
});

describe('content hashes', () => {
  it('are stable across loads', async () => {
    const again = await loadFrameworkOrThrow(DEFAULT_CONTENT_DIR);
    expect(again.contentHash).toBe(framework.contentHash);
    expect(again.entities.map((e) => e.contentHash)).toEqual(framework.entities.map((e) => e.contentHash));
  });

  it('change for exactly the edited entity and for the framework', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-hash-'));
    try {
      await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
      const file = path.join(dir, 'capabilities.yaml');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/(slug: patience\n\s+title: )(.*)/, '$1$2 (edited)'));
      const edited = await loadFrameworkOrThrow(dir);
      expect(edited.contentHash).not.toBe(framework.contentHash);
      const changed = edited.entities
        .filter((e, i) => e.contentHash !== framework.entities[i]!.contentHash)
        .map((e) => `${e.kind}:${e.slug}`);
      expect(changed).toEqual(['Capability:patience']);
      expect(edited.find('Capability', 'patience')!.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('do not depend on the order keys are written in', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'altitude-hash-'));
    try {
      await cp(DEFAULT_CONTENT_DIR, dir, { recursive: true });
      const file = path.join(dir, 'levels.yaml');
      const text = await readFile(file, 'utf8');
      // Move `rank:` of the first level from after `title:` to the end of the item.
      const moved = text.replace('    rank: 1\n', '').replace(/(\n {2}- slug: principal)/, '\n    rank: 1$1');
      expect(moved).not.toBe(text);
      const reordered = await loadFrameworkOrThrow(dir);
      expect(reordered.contentHash).toBe(framework.contentHash);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
