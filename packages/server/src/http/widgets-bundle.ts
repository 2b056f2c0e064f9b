import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendJson } from './send.js';
import { staticFile } from './static-file.js';

// The server ships the widgets' built scripts and nothing else of theirs.
const LOADER = fileURLToPath(import.meta.resolve('@altitude/widgets/altitude-widgets.js'));
const DIST = path.dirname(LOADER);
const ALL_IN_ONE = path.join(DIST, 'altitude-widgets-all.js');
const EMBED_BUNDLE = path.join(DIST, 'altitude-embed.js');

const missingHint = 'The widget scripts have not been built. Run `pnpm build` (or `pnpm start`, which builds first).';
// Module scripts are fetched with CORS: wikis on other origins must be allowed to load them.
const crossOrigin = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };
const javascript = 'text/javascript; charset=utf-8';
const json = 'application/json; charset=utf-8';
// Unversioned URLs: caches keep them briefly and revalidate by ETag.
const briefly = 'public, max-age=300, stale-while-revalidate=3600';
/**
 * The scripts do not name their source maps (that comment would cost every
 * reader bytes); the response does, relative to the script's URL, and
 * developer tools follow it the same way.
 */
const withMap = (map: string) => ({ ...crossOrigin, sourcemap: map });

/**
 * `GET /widgets.js`: the loader, which fetches each element's module when its
 * tag appears. It names the chunks of one build, so every use revalidates it
 * (a 304 costs a round trip, no body): a page never pairs an old loader with
 * chunks a deploy has removed.
 */
export const sendWidgetsLoader = staticFile(LOADER, {
  contentType: javascript,
  cacheControl: 'public, no-cache',
  headers: withMap('altitude-widgets.js.map'),
  missingHint,
});

/** `GET /altitude-widgets.js.map`: the loader's source map, named by its last line. */
export const sendWidgetsLoaderMap = staticFile(`${LOADER}.map`, {
  contentType: json,
  cacheControl: briefly,
  headers: crossOrigin,
  missingHint,
});

/** `GET /widgets-all.js`: every element in one ES module, for pages that would rather make one request. */
export const sendWidgetsAllInOne = staticFile(ALL_IN_ONE, {
  contentType: javascript,
  cacheControl: briefly,
  headers: withMap('altitude-widgets-all.js.map'),
  missingHint,
});

/** `GET /altitude-widgets-all.js.map`. */
export const sendWidgetsAllInOneMap = staticFile(`${ALL_IN_ONE}.map`, {
  contentType: json,
  cacheControl: briefly,
  headers: crossOrigin,
  missingHint,
});

/** `GET /embed.js`: the embed pages' script (the elements, Lit's hydration support, height reporting). */
export const sendEmbedBundle = staticFile(EMBED_BUNDLE, { contentType: javascript, cacheControl: briefly, missingHint });

/** Where the loader's chunks and the widgets' words in each language are served: `/widgets/level-card-….js`, `/widgets/locales/de.js`. */
export const WIDGET_FILES_PATH = '/widgets/';

/** A name of the kind the build writes (`common-SRaM_YIn.js`, `locales/de.js.map`): nothing that could leave the folder. */
const WIDGET_FILE = /^(?:locales\/)?[A-Za-z0-9_-]{1,80}\.js(?:\.map)?$/;
/** Chunk names carry a hash of their content; the catalogues' names do not. */
const HASHED = /^[a-z-]+-[A-Za-z0-9_-]{8}\.js(?:\.map)?$/;

/**
 * The files a widgets build wrote under `dir`, as its manifest lists them,
 * read again when a rebuild rewrites it (by its mtime). Undefined when
 * nothing has been built.
 */
export function widgetManifest(dir: string): () => Promise<ReadonlySet<string> | undefined> {
  const file = path.join(dir, 'manifest.json');
  let read: { mtimeMs: number; files: ReadonlySet<string> } | undefined;
  return async () => {
    try {
      const { mtimeMs } = await stat(file);
      if (read?.mtimeMs !== mtimeMs) {
        const listed = (JSON.parse(await readFile(file, 'utf8')) as { files: string[] }).files;
        read = { mtimeMs, files: new Set(listed.map((name) => name.replace(/^widgets\//, ''))) };
      }
      return read.files;
    } catch {
      return undefined;
    }
  };
}

/** The files the build wrote under widgets/ (see packages/widgets/scripts/chunk-manifest.ts). */
export const builtWidgetFiles = widgetManifest(path.join(DIST, 'widgets'));

/**
 * `GET /widgets/<file>` for the build in `dir`: a chunk the loader imports,
 * or a language's words. Only files the manifest lists now are served: a
 * rebuild that drops a name drops it here too, though its sender was made
 * on an earlier request. Hashed chunks never change under their name, so
 * caches keep them for a year; open to other origins like the loader, which
 * imports them as module scripts, and so is every error.
 */
export function widgetFileSender(dir: string, listed = widgetManifest(dir)) {
  // One sender per file the build wrote, made on its first request: bounded by the manifest, not by what is asked.
  const senders = new Map<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>();
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const name = pathname.slice(WIDGET_FILES_PATH.length);
    const notFound = () => sendJson(res, 404, { error: `no widget file at ${pathname.slice(0, 100)}` }, crossOrigin);
    if (!WIDGET_FILE.test(name)) {
      notFound();
      return;
    }
    const files = await listed();
    if (!files) {
      sendJson(res, 503, { error: missingHint }, crossOrigin);
      return;
    }
    if (!files.has(name)) {
      notFound();
      return;
    }
    let send = senders.get(name);
    if (!send) {
      send = staticFile(path.join(dir, name), {
        contentType: name.endsWith('.map') ? json : javascript,
        cacheControl: HASHED.test(name) ? 'public, max-age=31536000, immutable' : briefly,
        headers: !name.endsWith('.map') && files.has(`${name}.map`) ? withMap(`${path.posix.basename(name)}.map`) : crossOrigin,
        missingHint,
      });
      senders.set(name, send);
    }
    await send(req, res);
  };
}

/** `GET /widgets/<file>` for the widgets package's own build. */
export const sendWidgetFile = widgetFileSender(path.join(DIST, 'widgets'), builtWidgetFiles);
