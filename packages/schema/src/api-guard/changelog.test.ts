import { describe, expect, it } from 'vitest';
import { parseChangelog } from './changelog.js';

const lines = (...text: string[]) => text.join('\n');
const TABLE = ['### Breaking changes', '', '| Where | Change | Why |', '|---|---|---|'];

describe('parseChangelog', () => {
  it('reads sections and their Breaking changes rows, ignoring the intro, prose, code and other subsections', () => {
    const { sections, errors } = parseChangelog(
      lines(
        '# API changes',
        '',
        '```md',
        '## 9.9.9 — not a section, an example',
        '```',
        '',
        '## Unreleased',
        '',
        'Some prose.',
        '',
        ...TABLE,
        '| `Query.compareLevels` | `FIELD_TYPE_CHANGED` | Null on an unknown slug \\| no error. |',
        '',
        'Prose after the table.',
        '',
        '### Added',
        '',
        '| a table | the check | ignores |',
        '',
        '## 0.2.0 — 2026-12-24',
        '',
        '### breaking changes',
        '',
        '| Where | Change | Why |',
        '| :--- | --- | ---: |',
        '| `EntityType.FailureMode` | `ENUM_VALUE_REMOVED` |  |',
        '## 0.1.0',
      ),
    );
    expect(errors).toEqual([]);
    expect(sections).toEqual([
      {
        name: 'Unreleased',
        date: undefined,
        line: 7,
        rows: [{ where: 'Query.compareLevels', change: 'FIELD_TYPE_CHANGED', why: 'Null on an unknown slug | no error.', line: 15 }],
      },
      {
        name: '0.2.0',
        date: '2026-12-24',
        line: 23,
        rows: [{ where: 'EntityType.FailureMode', change: 'ENUM_VALUE_REMOVED', why: '', line: 29 }],
      },
      { name: '0.1.0', date: undefined, line: 30, rows: [] },
    ]);
  });

  it('accepts CRLF line endings', () => {
    const { sections, errors } = parseChangelog(['## Unreleased', ...TABLE, '| `Query.a` | `FIELD_REMOVED` | Gone. |'].join('\r\n'));
    expect(errors).toEqual([]);
    expect(sections[0]?.rows).toEqual([{ where: 'Query.a', change: 'FIELD_REMOVED', why: 'Gone.', line: 6 }]);
  });

  it.each([
    ['a heading that is neither Unreleased nor a version', ['## Next'], 1, /`## Next` is not a section heading/],
    ['a version that is not semver', ['## v0.2.0 — 2026-12-01'], 1, /is not a section heading/],
    ['a date that does not exist', ['## 0.2.0 — 2026-02-30'], 1, /2026-02-30 is not a date/],
    ['Unreleased below a version', ['## 0.2.0', '## Unreleased'], 2, /`## Unreleased` must be the first section/],
    [
      'versions oldest first',
      ['## 0.1.0', '## 0.2.0'],
      2,
      /`## 0.2.0` comes after `## 0.1.0` \(line 1\); versions are listed newest first/,
    ],
    ['a version twice', ['## 0.2.0', '## 0.2.0'], 2, /appears twice \(first on line 1\)/],
    [
      'a table without the Where, Change, Why header',
      ['## Unreleased', '### Breaking changes', '| Path | Type | Why |'],
      3,
      /must start with the header/,
    ],
    [
      'a header without a separator',
      ['## Unreleased', '### Breaking changes', '| Where | Change | Why |', '| `Query.a` | `FIELD_REMOVED` | x |'],
      4,
      /must be a separator/,
    ],
    ['a row with two cells', ['## Unreleased', ...TABLE, '| `Query.a` | `FIELD_REMOVED` |'], 6, /has 2 cells, not 3/],
    [
      'a Where without backticks',
      ['## Unreleased', ...TABLE, '| Query.a | `FIELD_REMOVED` | x |'],
      6,
      /Where must be the inspector path in backticks/,
    ],
    [
      'a Change without backticks',
      ['## Unreleased', ...TABLE, '| `Query.a` | FIELD_REMOVED | x |'],
      6,
      /Change must be the inspector change type in backticks/,
    ],
    [
      'a change type inspector does not know',
      ['## Unreleased', ...TABLE, '| `Query.a` | `FIELD_DELETED` | x |'],
      6,
      /FIELD_DELETED is not a change type/,
    ],
    [
      'a row twice',
      ['## Unreleased', ...TABLE, '| `Query.a` | `FIELD_REMOVED` | x |', '| `Query.a` | `FIELD_REMOVED` | y |'],
      7,
      /listed twice under `## Unreleased` \(first on line 6\)/,
    ],
    ['a second table', ['## Unreleased', ...TABLE, '', '| Where | Change | Why |'], 7, /a second table/],
    [
      'a second Breaking changes subsection',
      ['## Unreleased', ...TABLE, '### Breaking changes'],
      6,
      /a second `### Breaking changes`.*first on line 2/,
    ],
    ['a code fence never closed', ['## Unreleased', '```', '| x |'], 2, /never closed/],
  ])('names the line of %s', (_, text, line, message) => {
    const { errors } = parseChangelog(lines(...text));
    expect(errors).toEqual([{ line, message: expect.stringMatching(message) }]);
  });
});
