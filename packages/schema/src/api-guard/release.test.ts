import { describe, expect, it } from 'vitest';
import { parseChangelog } from './changelog.js';
import { releaseChangelog, releaseVersionProblem } from './release.js';

const CHANGELOG = [
  '# API changes',
  '',
  'The intro.',
  '',
  '## Unreleased',
  '',
  'Levels lose their rank.',
  '',
  '### Breaking changes',
  '',
  '| Where | Change | Why |',
  '|---|---|---|',
  '| `Level.rank` | `FIELD_REMOVED` | Implied by order. |',
  '',
  '## 0.1.0 — 2026-11-30',
  '',
  'The first published API.',
  '',
].join('\n');

describe('releaseChangelog', () => {
  it('dates the Unreleased section as the version and opens an empty one above it', () => {
    expect(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-24')).toBe(
      [
        '# API changes',
        '',
        'The intro.',
        '',
        '## Unreleased',
        '',
        '### Breaking changes',
        '',
        '| Where | Change | Why |',
        '|---|---|---|',
        '',
        '## 0.2.0 — 2026-12-24',
        '',
        'Levels lose their rank.',
        '',
        '### Breaking changes',
        '',
        '| Where | Change | Why |',
        '|---|---|---|',
        '| `Level.rank` | `FIELD_REMOVED` | Implied by order. |',
        '',
        '## 0.1.0 — 2026-11-30',
        '',
        'The first published API.',
        '',
      ].join('\n'),
    );
  });

  it('moves the rows to the released section, where the check will look for them', () => {
    const { sections, errors } = parseChangelog(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-24'));
    expect(errors).toEqual([]);
    expect(sections.map((s) => [s.name, s.date, s.rows.map((r) => r.where)])).toEqual([
      ['Unreleased', undefined, []],
      ['0.2.0', '2026-12-24', ['Level.rank']],
      ['0.1.0', '2026-11-30', []],
    ]);
  });

  it('keeps CRLF line endings', () => {
    const released = releaseChangelog(CHANGELOG.replaceAll('\n', '\r\n'), '0.2.0', '2026-12-24');
    expect(released.split('\r\n')).toEqual(releaseChangelog(CHANGELOG, '0.2.0', '2026-12-24').split('\n'));
  });

  it('refuses a changelog it cannot release from', () => {
    expect(() => releaseChangelog('## 0.1.0\n', '0.2.0', '2026-12-24')).toThrow('there is no `## Unreleased` section to release');
    expect(() => releaseChangelog(CHANGELOG, '0.1.0', '2026-12-24')).toThrow('`## 0.1.0` is already in the changelog');
    expect(() => releaseChangelog(CHANGELOG, '0.0.9', '2026-12-24')).toThrow(/versions are listed newest first/);
    expect(() => releaseChangelog(CHANGELOG, '0.2.0', '24.12.2026')).toThrow(/is not a date/);
    expect(() => releaseChangelog('## Nope\n## Unreleased\n', '0.2.0', '2026-12-24')).toThrow(
      /^line 1: `## Nope` is not a section heading/,
    );
  });
});

describe('releaseVersionProblem', () => {
  it('accepts a semantic version greater than every snapshot', () => {
    expect(releaseVersionProblem('0.10.0', ['0.1.0', '0.9.0'])).toBeUndefined();
    expect(releaseVersionProblem('0.1.0', [])).toBeUndefined();
  });

  it('refuses a version that is not greater than the newest snapshot, or not a version', () => {
    expect(releaseVersionProblem('0.9.0', ['0.1.0', '0.9.0'])).toBe('0.9.0 is not greater than 0.9.0, the newest snapshot');
    expect(releaseVersionProblem('0.2.0', ['0.10.0', '0.1.0'])).toBe('0.2.0 is not greater than 0.10.0, the newest snapshot');
    expect(releaseVersionProblem('v1', ['0.1.0'])).toBe('v1 is not a semantic version such as 0.2.0');
  });
});
