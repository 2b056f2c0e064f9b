import { ChangeType } from '@graphql-inspector/core';
import semver from 'semver';

/** The name of the section for changes not yet in a snapshot. */
export const UNRELEASED = 'Unreleased';

/** A row of a `### Breaking changes` table: one breaking change and why it was made. */
export interface BreakingRow {
  /** The inspector path from the Where cell, without its backticks. */
  where: string;
  /** The inspector change type from the Change cell, without its backticks. */
  change: string;
  /** The Why cell; may be empty here, the check reports that. */
  why: string;
  line: number;
}

/** A `## Unreleased` or `## <version> — <date>` section. */
export interface ChangelogSection {
  /** `Unreleased` or the version. */
  name: string;
  date: string | undefined;
  line: number;
  rows: BreakingRow[];
}

export interface ChangelogParseError {
  line: number;
  message: string;
}

export interface ParsedChangelog {
  /** In file order: Unreleased first when present, then versions newest first. */
  sections: ChangelogSection[];
  errors: ChangelogParseError[];
}

export const BREAKING_HEADING = 'Breaking changes';
const TABLE_COLUMNS = ['Where', 'Change', 'Why'];
const KNOWN_CHANGE_TYPES = new Set<string>(Object.values(ChangeType));

const HEADING_FORMAT = '`## Unreleased` or `## <version> — <YYYY-MM-DD>`';
const VERSION_HEADING = /^##\s+(\S+)(?:\s+[—–-]\s+(\S+))?\s*$/;
const SEPARATOR_CELL = /^:?-+:?$/;
const CODE_CELL = /^`([^`\s]+)`$/;

function isDate(text: string): boolean {
  // Round-tripping rejects dates such as 2026-02-30 that Date would roll over.
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

/** The section a `##` heading opens, or why it opens none. */
function readHeading(heading: string): { name: string; date: string | undefined } | { error: string } {
  if (/^##\s+Unreleased\s*$/i.test(heading)) return { name: UNRELEASED, date: undefined };
  const [, version = '', date] = VERSION_HEADING.exec(heading) ?? [];
  if (semver.valid(version) !== version) {
    return { error: `\`${heading}\` is not a section heading; write ${HEADING_FORMAT} (the version as in semver, such as 0.2.0)` };
  }
  if (date !== undefined && !isDate(date)) return { error: `${date} is not a date; write ${HEADING_FORMAT}` };
  return { name: version, date };
}

/** The cells of a table line; `\|` is a pipe inside a cell, as in GitHub's Markdown. */
function tableCells(line: string): string[] {
  const cells = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/);
  return cells.map((cell) => cell.trim().replaceAll('\\|', '|'));
}

/**
 * Reads docs/api-changes.md (its intro describes the format). Text before the
 * first `##` heading, fenced code, prose and other subsections are ignored;
 * every error carries the 1-based line it is on.
 */
export function parseChangelog(text: string): ParsedChangelog {
  const sections: ChangelogSection[] = [];
  const errors: ChangelogParseError[] = [];
  const fail = (line: number, message: string) => errors.push({ line, message });

  let section: ChangelogSection | undefined;
  let fence: { marker: string; line: number } | undefined;
  // Where we are in the current section's Breaking changes subsection, if in one.
  let table: 'outside' | 'before' | 'header' | 'rows' | 'after' | 'broken' = 'outside';
  const sectionLines = new Map<string, number>();
  const breakingLines = new Map<ChangelogSection, number>();
  const rowLines = new Map<string, number>();

  const openSection = (line: number, name: string, date: string | undefined): ChangelogSection => {
    const first = sectionLines.get(name);
    if (first !== undefined) fail(line, `\`## ${name}\` appears twice (first on line ${first}); each version has one section`);
    else sectionLines.set(name, line);
    if (name === UNRELEASED && first === undefined && sections.length > 0) fail(line, '`## Unreleased` must be the first section');
    const previous = sections.findLast((s) => s.name !== UNRELEASED);
    if (name !== UNRELEASED && previous && first === undefined && !semver.gt(previous.name, name)) {
      fail(line, `\`## ${name}\` comes after \`## ${previous.name}\` (line ${previous.line}); versions are listed newest first`);
    }
    const opened: ChangelogSection = { name, date, line, rows: [] };
    sections.push(opened);
    return opened;
  };

  const readRow = (line: number, cells: string[], current: ChangelogSection) => {
    if (cells.length !== TABLE_COLUMNS.length) {
      fail(line, `a Breaking changes row has ${cells.length} cells, not 3 (Where, Change, Why); write a pipe inside a cell as \\|`);
      return;
    }
    const [whereCell = '', changeCell = '', why = ''] = cells;
    const where = CODE_CELL.exec(whereCell)?.[1];
    const change = CODE_CELL.exec(changeCell)?.[1];
    if (where === undefined) {
      fail(line, `Where must be the inspector path in backticks, such as \`Query.compareLevels\`, not ${whereCell || 'empty'}`);
    }
    if (change === undefined) {
      fail(line, `Change must be the inspector change type in backticks, such as \`FIELD_TYPE_CHANGED\`, not ${changeCell || 'empty'}`);
    } else if (!KNOWN_CHANGE_TYPES.has(change)) {
      fail(line, `${change} is not a change type graphql-inspector reports (such as FIELD_TYPE_CHANGED)`);
    }
    if (where === undefined || change === undefined) return;
    const key = `${current.name} ${where} ${change}`;
    const first = rowLines.get(key);
    if (first !== undefined) {
      fail(line, `\`${where}\` ${change} is listed twice under \`## ${current.name}\` (first on line ${first})`);
      return;
    }
    rowLines.set(key, line);
    current.rows.push({ where, change, why, line });
  };

  let headerLine = 0;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence.marker[0] && marker.length >= fence.marker.length) fence = undefined;
      continue;
    }
    if (marker !== undefined) {
      fence = { marker, line };
      continue;
    }

    if (/^##(\s|$)/.test(trimmed)) {
      const heading = readHeading(trimmed);
      if ('error' in heading) {
        fail(line, heading.error);
        // Keep reading, but what follows a broken heading belongs to no section.
        section = undefined;
        table = 'outside';
      } else {
        section = openSection(line, heading.name, heading.date);
        table = 'outside';
      }
      continue;
    }
    if (section === undefined) continue;
    if (/^###(\s|$)/.test(trimmed)) {
      const isBreaking = trimmed.replace(/^###\s*/, '').toLowerCase() === BREAKING_HEADING.toLowerCase();
      table = isBreaking ? 'before' : 'outside';
      const first = breakingLines.get(section);
      if (isBreaking && first !== undefined) {
        fail(line, `a second \`### ${BREAKING_HEADING}\` in \`## ${section.name}\` (first on line ${first})`);
      }
      if (isBreaking) breakingLines.set(section, first ?? line);
      continue;
    }
    if (table === 'outside' || table === 'broken') continue;

    if (!trimmed.startsWith('|')) {
      // A table ends at the first line that is not a table line; prose may follow it.
      if (table === 'header') fail(headerLine, 'the Breaking changes table has a header but no separator line such as | --- | --- | --- |');
      if (table !== 'before') table = 'after';
      continue;
    }
    const cells = tableCells(trimmed);
    switch (table) {
      case 'before':
        if (cells.length === TABLE_COLUMNS.length && cells.every((cell, i) => cell.toLowerCase() === TABLE_COLUMNS[i]?.toLowerCase())) {
          table = 'header';
          headerLine = line;
        } else {
          fail(line, 'the Breaking changes table must start with the header | Where | Change | Why |');
          table = 'broken';
        }
        continue;
      case 'header':
        if (cells.length === TABLE_COLUMNS.length && cells.every((cell) => SEPARATOR_CELL.test(cell))) {
          table = 'rows';
        } else {
          fail(line, 'the line after | Where | Change | Why | must be a separator such as | --- | --- | --- |');
          table = 'broken';
        }
        continue;
      case 'rows':
        readRow(line, cells, section);
        continue;
      case 'after':
        fail(line, `a second table under \`### ${BREAKING_HEADING}\` in \`## ${section.name}\`; list every breaking change in one table`);
        table = 'broken';
        continue;
    }
  }
  if (fence !== undefined) fail(fence.line, `this code fence (${fence.marker}) is never closed, so everything after it is ignored`);
  if (table === 'header') fail(headerLine, 'the Breaking changes table has a header but no separator line such as | --- | --- | --- |');
  return { sections, errors };
}
