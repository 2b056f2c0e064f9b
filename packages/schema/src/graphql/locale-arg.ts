import type { Framework } from '../graph/types.js';
import { frameworkInLocale } from '../locales/served-locale.js';
import type { AltitudeContext } from './context.js';

export const LOCALE_ARG_DESCRIPTION =
  "BCP 47 language tag, e.g. `de` or `ja`; the framework's own locale when omitted. A tag not served falls back along its chain (`de-CH` → `de` → `en`); a malformed one is BAD_USER_INPUT. Each entity says the locale it was served in.";

/**
 * The framework to answer in: the one of the locale asked for or, when it is
 * not served, of the first locale of its fallback chain that is.
 */
export function frameworkIn(ctx: AltitudeContext, locale: string | null | undefined): Framework {
  return locale == null ? ctx.framework : frameworkInLocale(ctx.framework, locale);
}

/** The framework an object was served from: a nested field answers in its parent's locale. */
export const frameworkFor = (node: { readonly view: { readonly locale: string } }, ctx: AltitudeContext): Framework =>
  ctx.framework.translations.get(node.view.locale) ?? ctx.framework;
