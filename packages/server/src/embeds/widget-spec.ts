import { escapeHtml, type Framework } from '@altitude/schema';
import { validCardHref } from '@altitude/widgets/role-health-check/card-link';
import { embedLocale } from './embed-locale.js';
import { embedWords } from './embed-words.js';

/** The widgets that can be embedded without a script, by their URL name. */
export const EMBED_KINDS = [
  'level-compare',
  'level',
  'failure-mode',
  'leverage-mechanisms',
  'failure-modes',
  'self-assessment',
  'role-health-check',
] as const;
export type EmbedKind = (typeof EMBED_KINDS)[number];

/**
 * The tools: widgets people fill in rather than read. Their answers live in
 * the page's address and in files, so they need a script (or an iframe,
 * whose page runs one): a static snippet could show a form that does nothing.
 */
export const TOOL_KINDS: readonly EmbedKind[] = ['self-assessment', 'role-health-check'];
export const isTool = (kind: EmbedKind) => TOOL_KINDS.includes(kind);

/** Longer than any link template a site needs; it is copied into every page rendered with it. */
export const MAX_CARD_HREF = 500;

/** One widget with its options, as every embed form (iframe, oEmbed, snippet, script tag) describes it. */
export interface WidgetSpec {
  readonly kind: EmbedKind;
  readonly tag: string;
  /** Element attributes, as the script-tag form would write them. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Path after /embed/ or /snippet/ (without extension), e.g. `level/staff`. */
  readonly path: string;
  /** Query string options, e.g. `levels=staff,distinguished&theme=dark`. */
  readonly query: string;
  readonly title: string;
  readonly theme: 'light' | 'dark' | undefined;
  /** The locale served (`lang` asked for it, or its fallback chain led to it); English without `lang`. */
  readonly locale: string;
  readonly direction: 'ltr' | 'rtl';
}

/** A spec, with the framework in the locale it is shown in; or what is wrong with the address. */
export type SpecResult =
  | { readonly ok: true; readonly spec: WidgetSpec; readonly framework: Framework }
  | { readonly ok: false; readonly status: 400 | 404; readonly message: string };

const list = (value: string | null) => (value ?? '').split(/[\s,]+/).filter(Boolean);

/**
 * Reads a widget and its options from an embed or snippet URL path (after
 * /embed/ or /snippet/, without extension) and its query, checking every slug
 * against the framework. Unknown slugs are 404s, malformed options 400s; each
 * message says what is valid. `lang` chooses the locale, as GraphQL's
 * `locale` argument does; titles come in it.
 */
export function parseWidgetSpec(path: string, params: URLSearchParams, source: Framework): SpecResult {
  const bad = (message: string): SpecResult => ({ ok: false, status: 400, message });
  const missing = (message: string): SpecResult => ({ ok: false, status: 404, message });
  const themeParam = params.get('theme');
  if (themeParam !== null && themeParam !== 'light' && themeParam !== 'dark')
    return bad(`theme must be light or dark, not "${themeParam}".`);
  const locale = embedLocale(params.get('lang'), source);
  if (!locale.ok) return locale;
  const { framework, requested } = locale;
  const words = embedWords(locale.info.tag);
  const theme = themeParam ?? undefined;
  // The element carries the lang asked for, so a pasted tag keeps its language whatever the page's.
  const themed = (attributes: Record<string, string>) => ({
    ...attributes,
    ...(theme ? { theme } : {}),
    ...(requested ? { lang: requested } : {}),
  });
  const optionsQuery = [theme ? `theme=${theme}` : '', requested ? `lang=${requested}` : ''].filter(Boolean).join('&');
  const served = { locale: locale.info.tag, direction: locale.info.direction };
  const ok = (spec: WidgetSpec): SpecResult => ({ ok: true, spec, framework });
  const [kind, slug, extra] = path.split('/');
  const validLevels = framework.levels.map((l) => l.slug).join(', ');

  if (extra !== undefined) return missing(`No embed at /${path}.`);
  switch (kind) {
    case 'level-compare': {
      if (slug !== undefined) return missing(`No embed at /${path}.`);
      const levels = list(params.get('levels'));
      if (levels.length < 2)
        return bad(
          `levels must name at least two levels, separated by commas, e.g. levels=staff,distinguished. Valid levels: ${validLevels}.`,
        );
      const unknown = levels.find((l) => !framework.find('Level', l));
      if (unknown) return missing(`Unknown level "${unknown}". Valid levels: ${validLevels}.`);
      const repeated = levels.find((l, i) => levels.indexOf(l) !== i);
      if (repeated) return bad(`Level "${repeated}" is listed more than once.`);
      const chosen = list(params.get('dimensions'));
      const unknownDimension = chosen.find((d) => !framework.find('Dimension', d));
      if (unknownDimension) {
        return missing(`Unknown dimension "${unknownDimension}". Valid dimensions: ${framework.dimensions.map((d) => d.slug).join(', ')}.`);
      }
      // Rows always come in the framework's order, so `b,a,b` shows what `a,b`
      // shows: one spelling, so equivalent URLs share one cached page.
      const dimensions = framework.dimensions.filter((d) => chosen.includes(d.slug)).map((d) => d.slug);
      const names = levels.map((l) => framework.find('Level', l)!.title);
      const query = [`levels=${levels.join(',')}`, dimensions.length ? `dimensions=${dimensions.join(',')}` : '', optionsQuery]
        .filter(Boolean)
        .join('&');
      return ok({
        kind,
        tag: 'de-level-compare',
        attributes: themed({ levels: levels.join(' '), ...(dimensions.length ? { dimensions: dimensions.join(' ') } : {}) }),
        path: kind,
        query,
        title: words.compared(names),
        theme,
        ...served,
      });
    }
    case 'level':
    case 'failure-mode': {
      const type = kind === 'level' ? 'Level' : 'FailureMode';
      const entity = slug ? framework.find(type, slug) : undefined;
      const valid = (kind === 'level' ? framework.levels : framework.failureModes).map((e) => e.slug).join(', ');
      const noun = kind === 'level' ? 'level' : 'failure mode';
      if (!slug) return missing(`Name a ${noun}: /${kind}/<slug>. Valid ${noun}s: ${valid}.`);
      if (!entity) return missing(`Unknown ${noun} "${slug}". Valid ${noun}s: ${valid}.`);
      return ok({
        kind,
        tag: kind === 'level' ? 'de-level-card' : 'de-failure-mode-card',
        attributes: themed(kind === 'level' ? { level: slug } : { mode: slug }),
        path: `${kind}/${slug}`,
        query: optionsQuery,
        title: entity.title,
        theme,
        ...served,
      });
    }
    case 'leverage-mechanisms':
    case 'failure-modes':
      if (slug !== undefined) return missing(`No embed at /${path}.`);
      return ok({
        kind,
        tag: kind === 'failure-modes' ? 'de-failure-mode-grid' : 'de-leverage-mechanisms',
        attributes: themed({}),
        path: kind,
        query: optionsQuery,
        title: kind === 'failure-modes' ? words.failureModes : words.leverageMechanisms,
        theme,
        ...served,
      });
    case 'self-assessment': {
      if (slug !== undefined) return missing(`No embed at /${path}.`);
      // The widget measures against the top level when no target is named.
      const target = params.get('target')?.trim() || undefined;
      const level = target === undefined ? topLevel(framework) : framework.find('Level', target);
      if (!level) return missing(`Unknown target level "${target}". Valid levels: ${validLevels}.`);
      return ok({
        kind,
        tag: 'de-self-assessment',
        attributes: themed(target ? { target } : {}),
        path: kind,
        query: [target ? `target=${target}` : '', optionsQuery].filter(Boolean).join('&'),
        title: words.selfAssessment(level.title),
        theme,
        ...served,
      });
    }
    case 'role-health-check': {
      if (slug !== undefined) return missing(`No embed at /${path}.`);
      const template = params.get('card-href') ?? '';
      if (template.length > MAX_CARD_HREF) return bad(`card-href must be at most ${MAX_CARD_HREF} characters, not ${template.length}.`);
      // The widget's own rule, so the server never renders a link the widget would refuse.
      if (template !== '' && !validCardHref(template))
        return bad(
          `card-href must be an http(s) or relative URL, e.g. /wiki/failure-modes#{slug}, not ${JSON.stringify(template.slice(0, 80))}.`,
        );
      return ok({
        kind,
        tag: 'de-role-health-check',
        attributes: themed(template ? { 'card-href': template } : {}),
        path: kind,
        query: [template ? `card-href=${encodeURIComponent(template)}` : '', optionsQuery].filter(Boolean).join('&'),
        title: words.roleHealthCheck,
        theme,
        ...served,
      });
    }
    default:
      return missing(`No embed called "${kind ?? ''}". Embeds: ${EMBED_KINDS.join(', ')}.`);
  }
}

/** The level a self-assessment measures against when none is named: the highest. */
function topLevel(framework: Framework) {
  return framework.levels.reduce<(typeof framework.levels)[number] | undefined>(
    (top, l) => (top && top.rank >= l.rank ? top : l),
    undefined,
  );
}

/** Where a tool asks this server's oEmbed endpoint about an embed page. */
export function oembedUrlOf(page: string, origin: string): string {
  return `${origin}/oembed?url=${encodeURIComponent(page)}&format=json`;
}

/** The widget an embed page's path (`/embed/<widget>`) and query ask for. */
export function specFromEmbedPath(pathname: string, params: URLSearchParams, framework: Framework): SpecResult {
  const path = safeDecode(pathname.slice('/embed/'.length));
  if (path === undefined) return { ok: false, status: 400, message: 'The address is not valid percent-encoding.' };
  return parseWidgetSpec(path, params, framework);
}

/** Every way to embed a spec, from this server's public origin; a tool has no static snippet. */
export function embedForms(spec: WidgetSpec, origin: string) {
  const suffix = spec.query ? `?${spec.query}` : '';
  const page = embedUrl(spec, origin);
  // Escaped: a card-href template is the page author's text, and may hold & or quotes.
  const attributes = Object.entries(spec.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return {
    embedUrl: page,
    oembedUrl: oembedUrlOf(page, origin),
    ...(isTool(spec.kind)
      ? {}
      : {
          snippetHtmlUrl: `${origin}/snippet/${spec.path}.html${suffix}`,
          snippetMarkdownUrl: `${origin}/snippet/${spec.path}.md${suffix}`,
        }),
    scriptTag: `<script type="module" src="${origin}/widgets.js"></script>\n<${spec.tag}${attributes}></${spec.tag}>`,
    iframe: iframeHtml(spec, page, DEFAULT_SIZE[spec.kind]),
  };
}

/** Reasonable frame sizes per widget; the embed page reports its real height. */
export const DEFAULT_SIZE: Record<EmbedKind, { width: number; height: number }> = {
  'level-compare': { width: 960, height: 1700 },
  level: { width: 720, height: 1100 },
  'failure-mode': { width: 640, height: 700 },
  'leverage-mechanisms': { width: 960, height: 900 },
  'failure-modes': { width: 960, height: 1800 },
  // Long forms: every area's choices, then the results under them.
  'self-assessment': { width: 960, height: 2400 },
  'role-health-check': { width: 800, height: 1600 },
};

export function iframeHtml(spec: WidgetSpec, embedUrl: string, size: { width: number; height: number }): string {
  return `<iframe src="${escapeHtml(embedUrl)}" width="${size.width}" height="${size.height}" title="${escapeHtml(spec.title)}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
}

/** The embed page of a spec on this server. */
export function embedUrl(spec: WidgetSpec, origin: string): string {
  return `${origin}/embed/${spec.path}${spec.query ? `?${spec.query}` : ''}`;
}

/** decodeURIComponent that answers undefined instead of throwing on malformed input. */
export function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
