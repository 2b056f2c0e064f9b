import type { Framework, Level } from '@altitude/schema';
import { embedLocale } from '../embeds/embed-locale.js';
import { PAPERS, type Paper } from './print-layout.js';

/** What a print address asks for, checked against the content. */
export type PrintRequest = {
  readonly paper: Paper;
  /** The framework in the locale served. */
  readonly framework: Framework;
  readonly locale: string;
  readonly direction: 'ltr' | 'rtl';
  /** The same for every address that asks for the same thing: a cache key. */
  readonly key: string;
} & ({ readonly kind: 'level'; readonly level: Level } | { readonly kind: 'compare'; readonly levels: readonly Level[] });

export type PrintRequestResult =
  ({ readonly ok: true } & PrintRequest) | { readonly ok: false; readonly status: 400 | 404; readonly message: string };

/** Longest slug or parameter value read; anything longer is refused before it is looked up. */
export const MAX_SLUG_LENGTH = 100;
const MAX_LEVELS_LENGTH = 1000;

/** What a message shows of a client's string: enough to recognise it, never all of it. */
const shown = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
const fail = (status: 400 | 404, message: string) => ({ ok: false, status, message }) as const;

const PARAMS: Readonly<Record<'level' | 'compare', readonly string[]>> = {
  level: ['lang', 'paper'],
  compare: ['lang', 'paper', 'levels'],
};

/**
 * Reads `level/<slug>` or `compare` (the part after /print/, decoded) and its
 * query: `lang` as the embeds read it, `paper` a4 (default) or letter,
 * `levels` 1 to as many levels as there are, each once.
 */
export function parsePrintRequest(path: string, params: URLSearchParams, framework: Framework): PrintRequestResult {
  const slugs = framework.levels.map((l) => l.slug).join(', ');
  const kind = path === 'compare' ? 'compare' : path.startsWith('level/') ? 'level' : undefined;
  if (!kind)
    return fail(
      404,
      `There is no handout at /print/${shown(path).slice(1, -1)}. Handouts: /print/level/<slug> and /print/compare?levels=<slug,…>.`,
    );
  for (const name of new Set(params.keys())) {
    if (!PARAMS[kind].includes(name))
      return fail(400, `${shown(name)} is not a parameter of this handout; it takes ${PARAMS[kind].join(', ')}.`);
    if (params.getAll(name).length > 1) return fail(400, `${name} is given more than once; give it once.`);
  }
  const paperRaw = params.get('paper') ?? 'a4';
  const paper = PAPERS.find((p) => p === paperRaw.toLowerCase());
  if (!paper) return fail(400, `paper must be a4 or letter, not ${shown(paperRaw)}.`);
  const locale = embedLocale(params.get('lang'), framework);
  if (!locale.ok) return locale;
  const inLocale = locale.framework;
  const common = { paper, framework: inLocale, locale: locale.info.tag, direction: locale.info.direction };

  if (kind === 'level') {
    const slug = path.slice('level/'.length);
    const level = slug.length <= MAX_SLUG_LENGTH ? inLocale.find('Level', slug) : undefined;
    if (!level) return fail(404, `There is no level ${shown(slug)}. Levels: ${slugs}.`);
    return { ok: true, kind, level, ...common, key: `level/${level.slug}|${common.locale}|${paper}` };
  }
  const raw = params.get('levels');
  if (!raw)
    return fail(
      400,
      `levels is required: 1 to ${framework.levels.length} level slugs, comma-separated, e.g. levels=${slugs.replace(/, /g, ',')}.`,
    );
  if (raw.length > MAX_LEVELS_LENGTH) return fail(400, `levels is too long: at most ${framework.levels.length} level slugs (${slugs}).`);
  const asked = raw.split(',').map((s) => s.trim());
  if (asked.length > framework.levels.length)
    return fail(400, `levels names ${asked.length} levels; there are only ${framework.levels.length} (${slugs}).`);
  const levels: Level[] = [];
  for (const slug of asked) {
    const level = slug.length <= MAX_SLUG_LENGTH ? inLocale.find('Level', slug) : undefined;
    if (!level) return fail(400, `levels names ${shown(slug)}, which is not a level. Levels: ${slugs}.`);
    if (levels.includes(level)) return fail(400, `levels names ${level.slug} twice; name each level once.`);
    levels.push(level);
  }
  const key = `compare/${levels.map((l) => l.slug).join(',')}|${common.locale}|${paper}`;
  return { ok: true, kind, levels, ...common, key };
}
