import type { Framework, Provenanced } from '../graph/types.js';
import { SOURCE_LOCALE } from '../locales/locale-tag.js';
import { jobCode, responsibility, type JobProfileOptions } from './job-profile.js';

/** A JSON-LD string: plain in the locale served, a value object tagged with its own language when it fell back. */
type Text = string | { readonly '@value': string; readonly '@language': string };

/**
 * `value` as written for a reader of `locale`: when any of the `fields` it is
 * made of was served from another locale (a missing or stale translation),
 * a JSON-LD value object that says the language it is really in, so no
 * English sentence passes for German. `fields` are translation keys
 * (`title`, `expectations.time-horizon.text`); a key ending in `.` covers
 * every key it begins.
 */
function inLocaleOf(value: string, node: Provenanced, fields: readonly string[]): Text {
  const fell = node.fallbacks.find((f) => fields.some((field) => (field.endsWith('.') ? f.field.startsWith(field) : f.field === field)));
  return fell ? { '@value': value, '@language': fell.locale } : value;
}

/**
 * schema.org `Occupation` per level, as JSON-LD: name, description,
 * responsibilities (one per dimension), skills (the capabilities the role
 * needs) and, when configured, occupationalCategory.
 *
 * Every node says its language with `inLanguage` (the BCP 47 tag served);
 * a string that fell back to another locale is tagged with that locale's
 * `@language` instead of passing for the one served.
 */
export function occupationsJsonLd(framework: Framework, options: JobProfileOptions, baseUrl: string): Record<string, unknown> {
  const inLanguage = framework.view.locale;
  // The readable page in the same language; the source locale keeps the address it always had.
  const query = inLanguage === SOURCE_LOCALE ? '' : `?lang=${encodeURIComponent(inLanguage)}`;
  const skills = framework.capabilities.map((c) => ({
    '@type': 'DefinedTerm',
    inLanguage,
    termCode: c.slug,
    name: inLocaleOf(c.title, c, ['title']),
    description: inLocaleOf(c.summary.text, c, ['summary']),
  }));
  const category = options.occupationalCategory && {
    '@type': 'CategoryCode',
    codeValue: options.occupationalCategory.codeValue,
    ...(options.occupationalCategory.inCodeSet ? { inCodeSet: options.occupationalCategory.inCodeSet } : {}),
    ...(options.occupationalCategory.name ? { name: options.occupationalCategory.name } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@graph': framework.levels.map((level) => ({
      '@type': 'Occupation',
      // The embed page is the level's readable page on this server; the @id names the level in every language.
      '@id': `${baseUrl}/embed/level/${level.slug}`,
      url: `${baseUrl}/embed/level/${level.slug}${query}`,
      inLanguage,
      identifier: jobCode(options, level),
      name: inLocaleOf(level.title, level, ['title']),
      description: inLocaleOf(`${level.summary.text} ${level.description.text}`, level, ['summary', 'description']),
      responsibilities: level.expectations.map((e) => {
        const prefix = `expectations.${e.dimension.slug}.`;
        const dimension = inLocaleOf(e.dimension.title, e.dimension, ['title']);
        const text = responsibility(e);
        return typeof dimension === 'string' ? inLocaleOf(text, level, [prefix]) : { ...dimension, '@value': text };
      }),
      skills,
      ...(category ? { occupationalCategory: category } : {}),
    })),
  };
}
