import semver from 'semver';
import { BREAKING_HEADING, parseChangelog, UNRELEASED } from './changelog.js';

/** What a fresh Unreleased section holds: an empty table, laid out like the other docs' tables. */
export const EMPTY_UNRELEASED = [`## ${UNRELEASED}`, '', `### ${BREAKING_HEADING}`, '', '| Where | Change | Why |', '|---|---|---|', ''];

/** Why `version` cannot be released after the snapshots already taken, or undefined when it can. */
export function releaseVersionProblem(version: string, released: readonly string[]): string | undefined {
  if (semver.valid(version) !== version) return `${version} is not a semantic version such as 0.2.0`;
  const newest = released.reduce<string | undefined>((max, v) => (max === undefined || semver.gt(v, max) ? v : max), undefined);
  if (newest !== undefined && !semver.gt(version, newest)) return `${version} is not greater than ${newest}, the newest snapshot`;
  return undefined;
}

/**
 * The changelog with `## Unreleased` renamed `## <version> — <date>` and a
 * new, empty Unreleased section above it. Everything else, line endings
 * included, stays as written.
 */
export function releaseChangelog(text: string, version: string, date: string): string {
  const { sections, errors } = parseChangelog(text);
  const [error] = errors;
  if (error) throw new Error(`line ${error.line}: ${error.message}`);
  const unreleased = sections.find((section) => section.name === UNRELEASED);
  if (!unreleased) throw new Error(`there is no \`## ${UNRELEASED}\` section to release`);
  if (sections.some((section) => section.name === version)) throw new Error(`\`## ${version}\` is already in the changelog`);

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  lines.splice(unreleased.line - 1, 1, ...EMPTY_UNRELEASED, `## ${version} — ${date}`);
  const released = lines.join(eol);
  // A bad date or a version older than the last section would make a changelog the check rejects.
  const [after] = parseChangelog(released).errors;
  if (after) throw new Error(`releasing ${version} on ${date} would break the changelog: ${after.message}`);
  return released;
}
