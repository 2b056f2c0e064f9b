import { readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendJson } from './send.js';
import { staticFile } from './static-file.js';

// The server ships the widgets' built bundle and nothing else of theirs.
const BUNDLE = fileURLToPath(import.meta.resolve('@altitude/widgets/altitude-widgets.js'));

const missingHint = 'The widget bundle has not been built. Run `pnpm build` (or `pnpm start`, which builds first).';
// Module scripts are fetched with CORS: wikis on other origins must be allowed to load them.
const crossOrigin = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };

/** `GET /widgets.js`: one ES module that registers every element. */
export const sendWidgetsBundle = staticFile(BUNDLE, {
  contentType: 'text/javascript; charset=utf-8',
  // The URL is not versioned, so caches keep it briefly and revalidate by ETag.
  cacheControl: 'public, max-age=300, stale-while-revalidate=3600',
  headers: crossOrigin,
  missingHint,
});

/** `GET /altitude-widgets.js.map`: the bundle's source map, named by its last line. */
export const sendWidgetsSourceMap = staticFile(`${BUNDLE}.map`, {
  contentType: 'application/json; charset=utf-8',
  cacheControl: 'public, max-age=300',
  headers: crossOrigin,
  missingHint,
});

const EMBED_BUNDLE = fileURLToPath(import.meta.resolve('@altitude/widgets/altitude-embed.js'));

/** `GET /embed.js`: the embed pages' script (the elements, Lit's hydration support, height reporting). */
export const sendEmbedBundle = staticFile(EMBED_BUNDLE, {
  contentType: 'text/javascript; charset=utf-8',
  cacheControl: 'public, max-age=300, stale-while-revalidate=3600',
  missingHint,
});

/** Where the widgets' words in each language other than English are served: `/widgets/locales/de.js`. */
export const WIDGET_CATALOGUES_PATH = '/widgets/locales/';

// The bundle imports them from beside itself: /widgets.js → /widgets/locales/de.js.
const CATALOGUES = path.join(path.dirname(BUNDLE), 'widgets/locales');
/** A file name of the kind the build writes (`de.js`, `pseudo.js.map`): nothing that could name another folder. */
const CATALOGUE_FILE = /^[a-z][a-z0-9-]{0,30}\.js(?:\.map)?$/;
/** One sender per file the build wrote, made on its first request: bounded by the folder, not by what is asked. */
const catalogueSenders = new Map<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>();

/**
 * `GET /widgets/locales/<name>.js`: a language's catalogue, which a widget
 * fetches the first time it shows that language. Cached and shared across
 * origins like /widgets.js: the bundle imports it as a module script.
 */
export async function sendWidgetCatalogue(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const name = pathname.slice(WIDGET_CATALOGUES_PATH.length);
  let send = CATALOGUE_FILE.test(name) ? catalogueSenders.get(name) : undefined;
  if (!send && CATALOGUE_FILE.test(name)) {
    let built: string[];
    try {
      built = await readdir(CATALOGUES);
    } catch {
      sendJson(res, 503, { error: missingHint });
      return;
    }
    if (built.includes(name)) {
      send = staticFile(path.join(CATALOGUES, name), {
        contentType: name.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8',
        cacheControl: 'public, max-age=300, stale-while-revalidate=3600',
        headers: crossOrigin,
        missingHint,
      });
      catalogueSenders.set(name, send);
    }
  }
  if (send) await send(req, res);
  else sendJson(res, 404, { error: `no widget catalogue at ${pathname.slice(0, 100)}` }, crossOrigin);
}
