import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../support/cli.js';

// `pnpm bench` at its smallest, so the script cannot rot between real runs;
// its figures here mean nothing (the machine is busy with other tests).
describe('pnpm bench', () => {
  it('runs all three servers and writes a report with every row, the command and the machine', { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'altitude-bench-'));
    try {
      const out = path.join(dir, 'RESULTS.md');
      const args = [
        '--duration',
        '1',
        '--rounds',
        '1',
        '--pairs',
        '2',
        '--soak',
        '1',
        '--attack',
        '1',
        '--connections',
        '2',
        '--max-steal',
        '100',
        '--out',
        out,
      ];
      const run = await runNode('bench/bench.mjs', args);
      expect(run.code, run.stderr).toBe(0);
      const report = await readFile(out, 'utf8');
      expect(report).toContain(
        'Written by `pnpm bench --duration 1 --rounds 1 --pairs 2 --soak 1 --attack 1 --connections 2 --max-steal 100 --out',
      );
      expect(report).toMatch(/Machine: \d+ × .+, \d+ GiB, .+, Node v\d+/);
      for (const row of ['| Cached GET', '| POST', '| 304 revalidation', '| Cache miss'])
        expect(report).toMatch(new RegExp(`${row.replace('|', '\\|')}.*\\| [\\d,]+ \\(`));
      expect(report).toMatch(/RSS: [\d.]+ MiB at the start, [\d.]+ MiB at the end/);
      expect(report).toMatch(
        /cached GET Altitude\/raw [\d.]+×; with the overlay [\d.]+×; in Japanese [\d.]+×; POST Altitude\/yoga [\d.]+×\./,
      );
      expect(report).toMatch(/cache miss ≥ 1\.0× yoga — [\d.]+×/);
      for (const probe of ['| /health |', '| Cached GET |'])
        expect(report).toMatch(
          new RegExp(
            `${probe.replace(/\|/g, '\\|')} [\\d.]+ ms / [\\d.]+ ms \\| [\\d.]+ ms / [\\d.]+ ms \\| [\\d.]+× \\| [\\d.]+ ms / [\\d.]+ ms \\| [\\d.]+× \\|`,
          ),
        );
      for (const pacing of ['steady', 'burst'])
        expect(report).toMatch(
          new RegExp(`Hostile requests sent \\(${pacing}\\): search \\d+ \\(\\d+ 2xx, \\d+ 4xx, 0 failed\\); ids \\d+ .*; padded \\d+ `),
        );
      expect(report).toMatch(
        /CPU time per request .*: cached GET vs raw — [\d.]+×; POST vs yoga — [\d.]+×; cache miss vs yoga — [\d.]+×\./,
      );
      expect(report).toMatch(/\| Cached GET .*\| [\d,]+ \([\d.]+ \/ [\d.]+ ms; [\d.]+ µs\) \| [\d.]+× \|/);
      expect(report).toMatch(/\| Cached GET, Altitude with the Acme overlay .*\| [\d.]+× \| — \|/);
      expect(report).toMatch(/with an overlay ≥ 0\.8× raw — [\d.]+×; in Japanese ≥ 0\.8× raw — [\d.]+×/);
      // The cached-GET aims come from the pairs: two here, raw first in one and Altitude first in the other.
      for (const label of ['cached GET', 'with the overlay', 'in Japanese'])
        expect(report).toMatch(new RegExp(`${label} [\\d.]+× \\(quartiles [\\d.]+×–[\\d.]+×; pair by pair [\\d.]+, [\\d.]+\\)`));
      expect(report).toMatch(/medians of 2 pairs of 1 s slices/);
      const at = (line: string) => run.stderr.indexOf(line);
      expect(at('GET pair 1, raw')).toBeGreaterThan(-1);
      expect(at('GET pair 1, raw')).toBeLessThan(at('GET pair 1, altitude'));
      expect(at('GET pair 2, altitude')).toBeGreaterThan(-1);
      expect(at('GET pair 2, altitude')).toBeLessThan(at('GET pair 2, raw'));
      expect(report).toMatch(
        /medians of 11 rounds in one process, .*; round by round ([\d.]+, ){10}[\d.]+\. From the table's separate processes: [\d.]+× and [\d.]+×\./,
      );
      expect(report).toMatch(/\| Cached GET in Japanese .*\| [\d.]+× \| — \|/);
      expect(report).toMatch(/four locales loads in at most 2× the time of English alone — [\d.]+× \(5 locales served\); .* — [\d.]+×\./);
      for (const row of [
        'Upstream content, English alone \\(no locales/\\)',
        'Upstream content with its locales \\(de, ja; en-XA, ar-XB built on first request\\)',
        'Upstream content with every locale built \\(de, ja, en-XA, ar-XB\\)',
        'With the Acme overlay',
        'Generated, 1×',
        'Generated, 10×',
        'Generated, 100×',
      ])
        expect(report).toMatch(new RegExp(`\\| ${row} \\| \\d+ KiB \\| .+ \\| \\d+ ms \\| [\\d.]+ \\| [\\d.]+ MiB \\|`));
      expect(report).toMatch(/100 times the size loads in under 2 s — \d+ ms; growth linear .* [\d.]+× \(1\.00× is linear\)/);
      expect(report).toMatch(
        /more than 100% of the CPUs .* \d+ runs? (was|were) run again, and the most taken during a run kept was [\d.]+%/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
