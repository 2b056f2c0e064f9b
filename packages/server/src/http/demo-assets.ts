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
