import { fileURLToPath } from 'node:url';
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
