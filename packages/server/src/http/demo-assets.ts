import { fileURLToPath } from 'node:url';
import { staticFile } from './static-file.js';

const asset = (name: string) => fileURLToPath(new URL(`../../assets/${name}`, import.meta.url));
const missingHint = 'A demo asset is missing from packages/server/assets.';

export const sendDemoCss = staticFile(asset('demo.css'), { contentType: 'text/css; charset=utf-8', cacheControl: 'no-cache', missingHint });
export const sendDemoJs = staticFile(asset('demo.js'), {
  contentType: 'text/javascript; charset=utf-8',
  cacheControl: 'no-cache',
  missingHint,
});
export const sendEmbedCss = staticFile(asset('embed.css'), {
  contentType: 'text/css; charset=utf-8',
  cacheControl: 'public, max-age=300',
  missingHint,
});
/** The parent-side helper that sizes frames from the embed pages' altitude:resize messages. */
export const sendEmbedResize = staticFile(asset('embed-resize.js'), {
  contentType: 'text/javascript; charset=utf-8',
  cacheControl: 'public, max-age=300',
  headers: { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' },
  missingHint,
});
