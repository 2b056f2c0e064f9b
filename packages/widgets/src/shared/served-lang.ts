import { html, nothing, type TemplateResult } from 'lit';
import { covers } from '../i18n/locale.js';

/** What the API says of an entity's language: the locale it was served in, and its strings served from another. */
export interface Served {
  readonly locale: string;
  readonly fallbacks: readonly { readonly field: string; readonly locale: string }[];
}

/**
 * The `lang` for an element holding one of an entity's strings (`field`, as
 * the API names it: `title`, `symptoms[2]`, `expectations.time-horizon.text`)
 * where `context` is the language in effect: the locale the API served that
 * string in when the context does not already say it, else nothing. Only the
 * element holding the string is marked, never a container, because
 * containers also hold the widget's own words in the reader's language.
 */
export function servedLang(entity: Served, field: string, context: string): string | typeof nothing {
  // An endpoint that does not say (one from before languages) is taken to serve what was asked.
  const locale = (entity.fallbacks?.find((f) => f.field === field)?.locale ?? entity.locale) as string | undefined;
  return !locale || covers(context, locale) ? nothing : locale;
}

/** A string in its own language: as it is when the context says that language, else in a span that says it. */
export function inLang(text: string, lang: string | typeof nothing): TemplateResult | string {
  return lang === nothing ? text : html`<span lang=${lang}>${text}</span>`;
}
