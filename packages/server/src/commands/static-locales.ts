import { SOURCE_LOCALE, type Framework } from '@altitude/schema';
import { localeFolder } from './static-plan.js';

/** The locales index of a static build, and the headers a static host should send it with. */
export const LOCALES_INDEX = {
  path: 'locales.json',
  headers: {
    'content-type': 'application/json; charset=utf-8',
    // Rewritten by every build, like the embed pages: a reader revalidates rather than keeping an old list.
    'cache-control': 'no-cache',
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
  },
} as const;

/**
 * `locales.json`: each locale the build holds (as the `locales` query
 * describes it: name in itself, direction, whether generated, fallbacks,
 * coverage), where its embed pages and snippets are, and how many files it
 * has. A locale the build does not hold has no entry, so a page that links
 * to a language can check first.
 */
export function localesIndex(framework: Framework, perLocale: ReadonlyMap<string, number>): string {
  const locales = framework.locales
    .filter((l) => perLocale.has(l.tag))
    .map((l) => ({
      tag: l.tag,
      name: l.name,
      direction: l.direction,
      generated: l.generated,
      fallbacks: l.fallbacks,
      coverage: l.coverage,
      embeds: `/embed/${localeFolder(l.tag)}`,
      snippets: `/snippet/${localeFolder(l.tag)}`,
      files: perLocale.get(l.tag),
    }));
  return `${JSON.stringify({ format: 'altitude.static-locales', source: SOURCE_LOCALE, contentHash: framework.contentHash, locales }, null, 1)}\n`;
}
