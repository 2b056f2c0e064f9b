import { escapeHtml } from '@altitude/schema';
import { createHash } from 'node:crypto';

export interface EmbedPage {
  readonly html: string;
  readonly csp: string;
}

/**
 * Who may frame the embed pages: ALTITUDE_FRAME_ANCESTORS (space-separated
 * sources), else anyone. Checked with the other server settings when the
 * server starts (readServerOptions).
 */
function frameAncestors(): string {
  return process.env.ALTITUDE_FRAME_ANCESTORS?.trim() || '*';
}

/**
 * The strict policy of embed and snippet pages. Lit's server rendering puts
 * each element's styles in a <style> inside its declarative shadow root, so
 * those exact blocks are allowed by hash and nothing else inline is.
 */
export function embedCsp(html: string): string {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<style>([\s\S]*?)<\/style>/g))
    hashes.add(`'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${[...hashes].join(' ')}`.trim(),
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors()}`,
  ].join('; ');
}

/** JSON inside a <script type="application/json"> block: `<` escaped so no `</script>` can end it early. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The language a page is in: its `<html lang dir>`. */
export interface PageLanguage {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

const ENGLISH: PageLanguage = { lang: 'en', dir: 'ltr' };

export function page(title: string, head: string, body: string, language: PageLanguage = ENGLISH): string {
  return `<!doctype html>
<html lang="${escapeHtml(language.lang)}" dir="${language.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Altitude</title>
${head}
<link rel="stylesheet" href="/embed.css">
</head>
<body>
${body}
</body>
</html>
`;
}

/** The page for a bad embed URL: says what is wrong and what is valid; no stack trace, ever. */
export function renderEmbedError(message: string): EmbedPage {
  const html = page(
    'Embed not found',
    '',
    `<main class="embed-error" role="alert"><h1>This embed cannot be shown</h1><p>${escapeHtml(message)}</p></main>`,
  );
  return { html, csp: embedCsp(html) };
}
