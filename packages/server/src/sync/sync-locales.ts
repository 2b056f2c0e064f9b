import { canonicalTag, exportFramework, snapshotItems, type EntityJson, type Framework, type TextFallback } from '@altitude/schema';

export class SyncLocalesError extends Error {
  override readonly name = 'SyncLocalesError';
}

/**
 * The locales a sync carries besides the framework's own: those the config
 * declares complete (`locales.complete`), else every locale translators
 * wrote. A generated pseudo-locale (en-XA, ar-XB) is for testing layouts and
 * goes to an HR system only when declared. A declared locale that is not
 * served is refused: an HR system must never receive English labelled as
 * German.
 */
export function syncLocales(framework: Framework, complete: readonly string[]): string[] {
  const own = framework.view.locale;
  const served = [...framework.translations.keys()];
  if (complete.length === 0) return framework.locales.filter((l) => !l.generated && l.tag !== own).map((l) => l.tag);
  const tags = complete.map((given) => {
    const tag = canonicalTag(given);
    if (!tag)
      throw new SyncLocalesError(`locales.complete names ${JSON.stringify(given)}, which is not a BCP 47 language tag such as "de"`);
    if (!framework.translations.has(tag))
      throw new SyncLocalesError(
        `locales.complete names ${tag}, which is not served (no locales/${tag}/ folder); served: ${served.join(', ')}. Translate it or take it out of locales.complete`,
      );
    return tag;
  });
  return [...new Set(tags)].filter((tag) => tag !== own);
}

/** One item as served in one locale: its canonical JSON and the strings that fell back. */
export interface ItemTranslation {
  readonly entity: EntityJson;
  readonly fallbacks: readonly TextFallback[];
}

/** Each locale's items keyed `<Type>/<slug>`, as the plan and the snapshot look them up. */
export type SyncTranslations = ReadonlyMap<string, ReadonlyMap<string, ItemTranslation>>;

/** The framework's items in each of `tags`, in canonical JSON (the same shape as the English `entity`). */
export function syncTranslations(framework: Framework, tags: readonly string[]): SyncTranslations {
  return new Map(
    tags.map((tag) => {
      const localised = framework.translations.get(tag)!;
      const fallbacks = new Map<string, readonly TextFallback[]>(
        [...localised.sources, ...localised.entities].map((node) => [`${node.kind}/${node.slug}`, node.fallbacks]),
      );
      const items = new Map(
        [...snapshotItems(exportFramework(localised, ''))].map(([key, { entity }]) => [
          key,
          { entity, fallbacks: fallbacks.get(key) ?? [] },
        ]),
      );
      return [tag, items];
    }),
  );
}
