import { SOURCE_LOCALE, canonicalTag, frameworkInLocale, type Framework, type LocaleInfo } from '@altitude/schema';

/** The language an embed, oEmbed answer or snippet is shown in. */
export interface EmbedLocale {
  /** The tag asked for, canonical (`de-ch` → `de-CH`); undefined when none was, or English was. */
  readonly requested: string | undefined;
  /** The locale served: the requested one, or the first of its fallback chain that is served. */
  readonly info: LocaleInfo;
  /** The framework in the served locale. */
  readonly framework: Framework;
}

export type EmbedLocaleResult =
  ({ readonly ok: true } & EmbedLocale) | { readonly ok: false; readonly status: 400; readonly message: string };

/** What a message shows of a tag: enough to recognise it, never a client's whole string. */
const shown = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/**
 * Reads `lang` (a BCP 47 tag) as the GraphQL `locale` argument is read: a
 * malformed tag is refused, a well-formed one that is not served falls back
 * along its chain (`de-CH` → `de` → `en`), and the answer says which locale
 * it serves. No `lang`, or English, is the framework as loaded.
 */
export function embedLocale(raw: string | null, framework: Framework): EmbedLocaleResult {
  const source = framework.locales.find((l) => l.tag === SOURCE_LOCALE) ?? framework.locales[0]!;
  if (raw === null || raw === '') return { ok: true, requested: undefined, info: source, framework };
  const tag = canonicalTag(raw);
  if (!tag)
    return {
      ok: false,
      status: 400,
      message: `lang must be a BCP 47 language tag such as "de" or "pt-BR", not ${shown(raw)}. Languages served: ${framework.locales.map((l) => l.tag).join(', ')}.`,
    };
  // The one place that decides which framework a tag gets, as for GraphQL and the exports.
  const served = frameworkInLocale(framework, tag);
  const info = framework.locales.find((l) => l.tag === served.view.locale) ?? source;
  return { ok: true, requested: tag === SOURCE_LOCALE ? undefined : tag, info, framework: served };
}
