import { createRequire } from 'node:module';
import createDOMPurify from 'dompurify';
import type { JSDOM as JsdomClass } from 'jsdom';
import { SANITIZE_CONFIG } from './safe-html.js';

// The server-side renderer has no browser DOM. DOMPurify runs there over
// jsdom's, the pairing DOMPurify itself supports and tests: the same library
// and allow-list as in the browser, so an embed page's HTML is the string the
// reader's DOMPurify makes of it and the page hydrates without a mismatch.

let purify: ReturnType<typeof createDOMPurify> | undefined;

export function sanitizeOnServer(html: string): string {
  // jsdom is loaded on the first render, not when the server starts: most
  // processes (every CLI command, a server nobody embeds) never need it.
  if (!purify) {
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: typeof JsdomClass };
    purify = createDOMPurify(new JSDOM('').window);
  }
  return purify.sanitize(html, SANITIZE_CONFIG);
}
