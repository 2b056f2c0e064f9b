import path from 'node:path';
import { collectionNames, formatContentError, loadFramework, type CollectionName, type Framework, type LocaleInfo } from '@altitude/schema';
import { incompleteLocales } from './locales/locales-status.js';
import { contentLoadOptions, type ContentLoadOptions } from '../content/content-store.js';

const LABEL: Record<CollectionName, [string, string]> = {
  sources: ['source', 'sources'],
  dimensions: ['dimension', 'dimensions'],
  levels: ['level', 'levels'],
  transitions: ['transition', 'transitions'],
  leverageMechanisms: ['leverage mechanism', 'leverage mechanisms'],
  failureModes: ['failure mode', 'failure modes'],
  orgPractices: ['org practice', 'org practices'],
  capabilities: ['capability', 'capabilities'],
  tensions: ['tension', 'tensions'],
  misconceptions: ['misconception', 'misconceptions'],
  glossary: ['glossary term', 'glossary terms'],
};

export function summarise(framework: Framework): string {
  const counts = collectionNames.map((name) => {
    const n = framework[name].length;
    const [one, many] = LABEL[name];
    return `${n} ${n === 1 ? one : many}`;
  });
  return `${counts.join(', ')} (${framework.files.length} files, version ${framework.version}, ${framework.contentHash.slice(0, 19)}…)`;
}

/** One line on the translations: each translated locale's coverage, then the generated ones. */
export function coverageLine(locales: readonly LocaleInfo[]): string {
  const [source, ...others] = locales;
  const translated = others.filter((l) => !l.generated);
  const generated = others.filter((l) => l.generated).map((l) => l.tag);
  const total = source?.coverage.translated ?? 0;
  const each = translated.map(({ tag, coverage: { translated: done, stale, missing } }) => {
    const gaps = [stale && `${stale} stale`, missing && `${missing} missing`].filter(Boolean).join(', ');
    return `${tag} ${done}/${total}${gaps ? ` (${gaps})` : ''}`;
  });
  return (
    `locales: ${source?.tag ?? 'en'} (source, ${total} strings)` +
    (each.length ? `; translated: ${each.join(', ')}` : '; no translations') +
    (generated.length ? `; generated for testing: ${generated.join(', ')}` : '') +
    (translated.some((l) => l.coverage.stale || l.coverage.missing) ? '; `altitude locales status` lists them' : '')
  );
}

/**
 * `altitude check`: exit 0 with one summary line, or 1 with every error.
 * Warnings (amendments whose upstream item has moved on, a locale declared
 * complete that is not) are printed and fail the check only with `strict`.
 */
export async function runCheck(
  contentDir: string,
  cwd: string,
  io: { out: (s: string) => void; err: (s: string) => void },
  options: ContentLoadOptions & { readonly strict?: boolean; readonly complete?: readonly string[] } = {},
): Promise<number> {
  const result = await loadFramework(contentDir, { ...contentLoadOptions(options), cwd });
  if (result.ok) {
    for (const warning of result.warnings) io.err(`${options.strict ? '' : 'warning: '}${formatContentError(warning, cwd)}\n`);
    const overlays = result.framework.overlays.length
      ? ` with overlay${result.framework.overlays.length === 1 ? '' : 's'} ${result.framework.overlays.map((o) => o.name).join(', ')} on upstream ${result.framework.upstream!.version}`
      : '';
    const incomplete = incompleteLocales(result.framework.locales, options.complete ?? []);
    for (const problem of incomplete) io.err(`${options.strict ? '' : 'warning: '}${problem}\n`);
    const problems = result.warnings.length + incomplete.length;
    if (options.strict && problems > 0) {
      io.err(`\n${problems} warning${problems === 1 ? '' : 's'}, which --strict makes errors\n`);
      return 1;
    }
    io.out(`content OK${overlays}: ${summarise(result.framework)}${problems ? `; ${problems} warning${problems === 1 ? '' : 's'}` : ''}\n`);
    io.out(`${coverageLine(result.framework.locales)}\n`);
    return 0;
  }
  for (const error of result.errors) io.err(`${formatContentError(error, cwd)}\n`);
  const files = new Set(result.errors.map((e) => e.file)).size;
  io.err(
    `\n${result.errors.length} error${result.errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} under ${path.relative(cwd, contentDir) || '.'}\n`,
  );
  return 1;
}
