import { contentLoadOptions, type ContentLoadOptions } from '../../content/content-store.js';
import { formatContentError, loadFramework, type LocaleCoverage, type LocaleInfo } from '@altitude/schema';

const percent = (c: LocaleCoverage) => {
  const total = c.translated + c.stale + c.missing;
  return total === 0 ? '100%' : `${Math.floor((c.translated / total) * 100)}%`;
};

/** One line per locale for `altitude check`: `de 100%, ja 97% (12 stale), en-XA generated`. */
export function coverageLine(locales: readonly LocaleInfo[]): string {
  return locales
    .slice(1)
    .map((l) =>
      l.generated
        ? `${l.tag} generated`
        : `${l.tag} ${percent(l.coverage)}${l.coverage.stale || l.coverage.missing ? ` (${[l.coverage.stale && `${l.coverage.stale} stale`, l.coverage.missing && `${l.coverage.missing} missing`].filter(Boolean).join(', ')})` : ''}`,
    )
    .join(', ');
}

/** The locales a deployment declares complete that are not: each with what is missing or stale. */
export function incompleteLocales(locales: readonly LocaleInfo[], complete: readonly string[]): string[] {
  return complete.flatMap((tag) => {
    const locale = locales.find((l) => l.tag === tag);
    if (!locale) return [`locale ${tag} is declared complete but has no translations (no locales/${tag}/ folder)`];
    const { stale, missing } = locale.coverage;
    return stale || missing ? [`locale ${tag} is declared complete but has ${stale} stale and ${missing} missing strings`] : [];
  });
}

/** `altitude locales status`: translated, missing and stale strings per locale and entity type. */
export async function runLocalesStatus(
  options: {
    readonly contentDir: string;
    readonly overlays: readonly string[];
    readonly localeFallbacks?: ContentLoadOptions['localeFallbacks'];
    readonly cwd: string;
    readonly json: boolean;
    readonly strict: boolean;
    readonly complete: readonly string[];
  },
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const result = await loadFramework(options.contentDir, { ...contentLoadOptions(options), cwd: options.cwd });
  if (!result.ok) {
    for (const error of result.errors) io.err(`${formatContentError(error, options.cwd)}\n`);
    return 1;
  }
  const locales = result.framework.locales.slice(1);
  if (options.json) {
    io.out(
      `${JSON.stringify(
        locales.map(({ tag, name, direction, generated, fallbacks, coverage, coverageByCollection }) => ({
          tag,
          name,
          direction,
          generated,
          fallbacks,
          ...coverage,
          byType: coverageByCollection,
        })),
        null,
        2,
      )}\n`,
    );
  } else {
    const rows: string[][] = [['locale', 'type', 'translated', 'missing', 'stale']];
    for (const locale of locales) {
      rows.push([
        `${locale.tag}${locale.generated ? ' (generated)' : ''}`,
        'all',
        String(locale.coverage.translated),
        String(locale.coverage.missing),
        String(locale.coverage.stale),
      ]);
      if (locale.generated) continue;
      for (const [type, c] of Object.entries(locale.coverageByCollection))
        rows.push(['', type, String(c.translated), String(c.missing), String(c.stale)]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    io.out(
      `${rows
        .map((r) =>
          r
            .map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
            .join('  ')
            .trimEnd(),
        )
        .join('\n')}\n`,
    );
  }
  const problems = incompleteLocales(result.framework.locales, options.complete);
  if (options.strict && problems.length) {
    for (const problem of problems) io.err(`altitude: ${problem}\n`);
    return 1;
  }
  return 0;
}
