import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { exportFramework, RELEASES_DIR, type ReleaseFileJson } from '@altitude/schema';
import semver from 'semver';
import writeFileAtomic from 'write-file-atomic';
import { parseDocument } from 'yaml';
import { DEFAULT_PUBLIC_URL } from './export.js';
import { loadOrReport } from './load-or-report.js';

export interface ReleaseCommandOptions {
  readonly version: string;
  readonly contentDir: string;
  readonly cwd: string;
}

/**
 * `altitude release <semver>`: sets the framework header's version and
 * freezes the content as content/releases/<version>.json. Refuses a version
 * that is not greater than the last release, and content that has not
 * changed since it.
 */
export async function runRelease(options: ReleaseCommandOptions): Promise<number> {
  const version = semver.valid(options.version);
  if (!version || version !== options.version) {
    process.stderr.write(`altitude: "${options.version}" is not a semantic version such as 1.2.0\n`);
    return 2;
  }
  let framework = await loadOrReport(options.contentDir, options.cwd);
  if (!framework) return 1;

  const last = framework.releases.at(-1);
  if (last && !semver.gt(version, last.version)) {
    process.stderr.write(`altitude: ${version} is not greater than the last release, ${last.version}\n`);
    return 2;
  }
  const unreleased = framework.changes.filter((c) => c.toVersion === null);
  const lastHeader = last?.snapshot.framework;
  const headerChanged =
    lastHeader !== undefined && (lastHeader.title !== framework.title || lastHeader.summary !== framework.summary.markdown);
  if (last && unreleased.length === 0 && !headerChanged) {
    process.stderr.write(`altitude: nothing has changed since release ${last.version}; edit the content, then release\n`);
    return 1;
  }

  // The version lives in the content itself, so what is served says which release it is.
  if (framework.version !== version) {
    const text = await readFile(framework.headerFile, 'utf8');
    const doc = parseDocument(text);
    doc.setIn(['framework', 'version'], version);
    await writeFileAtomic(framework.headerFile, doc.toString());
    framework = await loadOrReport(options.contentDir, options.cwd);
    if (!framework) return 1;
  }

  const release: ReleaseFileJson = {
    format: 'altitude.release',
    version,
    publishedAt: new Date().toISOString(),
    contentHash: framework.contentHash,
    snapshot: exportFramework(framework, `${DEFAULT_PUBLIC_URL}/export/framework.schema.json`),
  };
  const file = path.join(options.contentDir, RELEASES_DIR, `${version}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(release, null, 2)}\n`);

  const count = (kind: string) => unreleased.filter((c) => c.kind === kind).length;
  process.stdout.write(
    `Released ${version}: ${unreleased.length} change${unreleased.length === 1 ? '' : 's'} since ${last?.version ?? 'the beginning'} ` +
      `(${count('created')} created, ${count('updated')} updated, ${count('deleted')} deleted). Snapshot: ${path.relative(options.cwd, file)}\n`,
  );
  return 0;
}
