import { parseChangelog, UNRELEASED, type ChangelogSection } from './changelog.js';
import { diffSdl, type ApiChange } from './schema-diff.js';
import { readSnapshots, sortSnapshots } from './snapshots.js';

export interface ApiCheckInput {
  /** Released versions and their SDL, in any order. */
  snapshots: readonly { version: string; sdl: string }[];
  /** The text of docs/api-changes.md. */
  changelog: string;
  /** The SDL the code serves now. */
  currentSdl: string;
  /** How problems name the changelog. */
  changelogName?: string;
}

export interface ApiCheckResult {
  /** The newest snapshot's version; undefined before the first release. */
  latest: string | undefined;
  /** Every change from the newest snapshot to the current SDL, whatever its criticality. */
  unreleasedChanges: ApiChange[];
  /** One sentence each; empty when the changelog accounts for every breaking change. */
  problems: string[];
}

/** The breaking changes one changelog section must list: those from the previous snapshot to its version. */
interface Step {
  section: string;
  from: string | undefined;
  to: string;
  breaking: ApiChange[];
}

const CURRENT = 'the current schema';

const isBreaking = (change: ApiChange) => change.level === 'BREAKING';
const key = (path: string, type: string) => `${path} ${type}`;

function span(step: Step): string {
  return step.from === undefined ? `(${step.to} has no earlier snapshot, so nothing in it can break)` : `from ${step.from} to ${step.to}`;
}

function stepProblems(step: Step, section: ChangelogSection | undefined, changelogName: string): string[] {
  const problems: string[] = [];
  const rows = new Set(section?.rows.map((row) => key(row.where, row.change)));
  for (const change of step.breaking.filter((c) => !rows.has(key(c.path, c.type)))) {
    problems.push(
      `\`${change.path}\` ${change.type} is a breaking change ${span(step)} with no row under \`## ${step.section}\`: ${change.message}. ` +
        `Add | \`${change.path}\` | \`${change.type}\` | <why> | to its \`### Breaking changes\` table in ${changelogName}` +
        (section ? '.' : ', adding the section first.'),
    );
  }
  const actual = new Set(step.breaking.map((c) => key(c.path, c.type)));
  for (const row of section?.rows ?? []) {
    const where = `${changelogName}:${row.line}: the row \`${row.where}\` ${row.change} under \`## ${step.section}\``;
    if (!actual.has(key(row.where, row.change))) {
      problems.push(
        `${where} matches no breaking change ${span(step)}; remove it, or correct its Where and Change to what the check reports.`,
      );
    }
    if (row.why === '')
      problems.push(`${where} has an empty Why; say why the change was worth breaking clients for and what they should do.`);
  }
  return problems;
}

/**
 * Whether docs/api-changes.md accounts for every breaking change: between
 * consecutive snapshots, in the newer one's section, and from the newest
 * snapshot to the current SDL, under Unreleased. Rows match changes on
 * (path, change type); a row that matches nothing is stale.
 */
export async function checkApiChanges(input: ApiCheckInput): Promise<ApiCheckResult> {
  const changelogName = input.changelogName ?? 'docs/api-changes.md';
  const snapshots = sortSnapshots(input.snapshots);
  const latest = snapshots.at(-1);

  const steps: Step[] = [];
  for (const [i, snapshot] of snapshots.entries()) {
    const previous = snapshots[i - 1];
    const changes = previous ? await diffSdl(previous.sdl, snapshot.sdl, { old: previous.version, new: snapshot.version }) : [];
    steps.push({ section: snapshot.version, from: previous?.version, to: snapshot.version, breaking: changes.filter(isBreaking) });
  }
  const unreleasedChanges = latest ? await diffSdl(latest.sdl, input.currentSdl, { old: latest.version, new: CURRENT }) : [];
  steps.push({ section: UNRELEASED, from: latest?.version, to: CURRENT, breaking: unreleasedChanges.filter(isBreaking) });

  const parsed = parseChangelog(input.changelog);
  if (parsed.errors.length > 0) {
    // Rows under a broken table are unknown, so matching them would only add noise.
    const problems = parsed.errors.map((error) => `${changelogName}:${error.line}: ${error.message}`);
    return { latest: latest?.version, unreleasedChanges, problems };
  }

  const sections = new Map(parsed.sections.map((section) => [section.name, section]));
  // Newest first, as the changelog reads.
  const problems = steps.toReversed().flatMap((step) => stepProblems(step, sections.get(step.section), changelogName));
  const released = new Set(snapshots.map((snapshot) => snapshot.version));
  for (const section of parsed.sections.filter((s) => s.name !== UNRELEASED && !released.has(s.name))) {
    problems.push(
      `${changelogName}:${section.line}: \`## ${section.name}\` names a version with no snapshot, so its rows cannot be checked; ` +
        `release with the api-check script, which writes the snapshot and the heading together.`,
    );
  }
  return { latest: latest?.version, unreleasedChanges, problems };
}

/** checkApiChanges with the snapshots read from `snapshotsDir` (one `<version>.graphql` each). */
export async function checkApiFolder(
  snapshotsDir: string,
  changelog: string,
  currentSdl: string,
  changelogName?: string,
): Promise<ApiCheckResult> {
  const snapshots = await readSnapshots(snapshotsDir);
  return checkApiChanges({ snapshots, changelog, currentSdl, changelogName });
}
