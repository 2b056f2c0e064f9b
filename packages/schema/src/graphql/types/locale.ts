import { builder } from '../builder.js';
import { LocaleRef, TextFallbackRef } from '../refs.js';

const TextDirection = builder.enumType('TextDirection', {
  description: 'How a locale is written.',
  values: { LTR: { value: 'ltr', description: 'Left to right.' }, RTL: { value: 'rtl', description: 'Right to left.' } } as const,
});

const FallbackReason = builder.enumType('FallbackReason', {
  description: 'Why a string is served from another locale.',
  values: {
    MISSING: { value: 'missing', description: 'The locale has no translation of it.' },
    STALE: { value: 'stale', description: 'Its translation was made from English that has changed since.' },
  } as const,
});

LocaleRef.implement({
  description: 'A locale the framework is served in, and how much of it its translators have covered.',
  fields: (t) => ({
    tag: t.exposeString('tag', { description: 'BCP 47 tag, e.g. `de`, `ja`.' }),
    name: t.exposeString('name', { description: 'The language in its own words (Deutsch, 日本語), for a language menu.' }),
    direction: t.field({ type: TextDirection, description: 'How it is written.', resolve: (l) => l.direction }),
    generated: t.exposeBoolean('generated', {
      description: 'Made by Altitude for testing layouts (`en-XA` accented and longer, `ar-XB` right to left), not by translators.',
    }),
    fallbacks: t.exposeStringList('fallbacks', { description: 'Where its missing and stale strings come from, in order; English last.' }),
    translated: t.int({ description: 'Strings translated from the English as it is now.', resolve: (l) => l.coverage.translated }),
    stale: t.int({
      description: 'Strings translated from English that has changed since: served from a fallback.',
      resolve: (l) => l.coverage.stale,
    }),
    missing: t.int({ description: 'Strings with no translation: served from a fallback.', resolve: (l) => l.coverage.missing }),
    complete: t.boolean({
      description: 'Whether every string is translated and none is stale.',
      resolve: (l) => l.coverage.stale === 0 && l.coverage.missing === 0,
    }),
  }),
});

TextFallbackRef.implement({
  description: 'A string of an object served from another locale than the one asked for.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Which string: `summary`, `symptoms[2]`, `expectations.time-horizon.text`.' }),
    locale: t.exposeString('locale', { description: 'The locale it is served in; mark its text with this `lang`.' }),
    reason: t.field({ type: FallbackReason, description: 'Missing or stale.', resolve: (f) => f.reason }),
  }),
});

export const SERVED_LOCALE_DESCRIPTION =
  'The locale this object was served in: the one asked for, or the one its chain fell back to when that is not served.';
export const FALLBACKS_DESCRIPTION =
  'Strings of this object served from another locale (missing or stale in this one); empty when all of it is in `locale`.';
