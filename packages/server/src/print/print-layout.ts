import { createHash } from 'node:crypto';
import { escapeHtml, type Framework, type RichText } from '@altitude/schema';
import type { PrintWords } from './print-words.js';

/** The paper sizes a handout is laid out for; A4 unless asked. */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** A handout's page: the HTML and the policy that allows exactly its one stylesheet. */
export interface PrintPage {
  readonly html: string;
  readonly csp: string;
}

/**
 * Print first, screen second. Black on white with rules and weight for
 * structure (no colour carries meaning). Rows and cards never split; headings
 * stay with what follows; a table's header row repeats on every page; the
 * sources start a page of their own at the end. The footer is a page margin
 * box, so Chromium prints it on every page; on screen it is a plain line.
 */
function styles(paper: Paper, footer: string): string {
  return `@page{size:${paper === 'letter' ? 'letter' : 'A4'};margin:18mm 16mm 20mm;
@bottom-left{content:"${cssString(footer)}";font:8pt/1.3 system-ui,sans-serif;color:#000;vertical-align:top;padding-top:4mm}
@bottom-right{content:counter(page) " / " counter(pages);font:8pt/1.3 system-ui,sans-serif;color:#000;vertical-align:top;padding-top:4mm}}
*{box-sizing:border-box}
html{color:#000;background:#fff;font:10.5pt/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
body{margin:0}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.9em;margin:0 0 .3em;line-height:1.15}
h2{font-size:1.3em;margin:1.4em 0 .5em;padding-bottom:.15em;border-bottom:1.5pt solid #000}
h3{font-size:1.05em;margin:1em 0 .35em}
h1,h2,h3{break-after:avoid;page-break-after:avoid}
p,ul{margin:.3em 0}
.kicker{font-size:.85em;text-transform:uppercase;letter-spacing:.06em;margin:0 0 .4em}
.summary{font-size:1.1em;font-weight:500}
table{border-collapse:collapse;width:100%;margin:.5em 0}
thead{display:table-header-group}
tr,.card,li{break-inside:avoid;page-break-inside:avoid}
th,td{border:.75pt solid #000;padding:.4em .5em;text-align:start;vertical-align:top}
thead th{border-bottom-width:1.5pt;font-weight:700}
tbody th{font-weight:700;width:22%}
.headline{display:block;font-weight:700;margin-bottom:.15em}
.card{border:.75pt solid #000;padding:.5em .75em;margin:.6em 0}
.card h3{margin-top:0}
.sources{break-before:page;page-break-before:always}
.sources li{margin:.25em 0}
a{color:inherit}
.page-footer{margin-top:2rem;padding-top:.5rem;border-top:.75pt solid #000;font-size:.85em}
@media print{main{max-width:none;padding:0}.page-footer{display:none}a{text-decoration:none}}
@media screen{html{background:#f4f4f4}main{background:#fff;margin:1.5rem auto;box-shadow:0 0 0 1px #ccc}}`;
}

/** Text inside a CSS string: every character that could end or escape it written as an escape. */
export function cssString(text: string): string {
  return text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/** Sanitised content HTML for paper: no images (a handout fetches nothing). */
export const printRich = (text: RichText) => text.html.replace(/<img\b[^>]*>/gi, '');

/**
 * The date a handout is of: the release's publication date when the content
 * is exactly a release, else today (the clock is injected so tests are
 * deterministic).
 */
export function handoutDate(framework: Framework, now: () => Date): string {
  return (framework.currentRelease?.publishedAt ?? now().toISOString()).slice(0, 10);
}

/** The footer line: the framework, its version, any company release and overlays, the date. */
export function footerText(framework: Framework, words: PrintWords, date: string): string {
  const release = framework.currentRelease;
  // A company's release has its own version; the upstream one it was built on follows it.
  const parts = [`${framework.title} · ${words.version} ${release?.version ?? framework.version}`];
  if (release?.upstreamVersion) parts.push(`${words.upstream} ${release.upstreamVersion}`);
  if (framework.overlays.length) parts.push(`${words.overlays}: ${framework.overlays.map((o) => o.name).join(', ')}`);
  parts.push(date);
  return parts.join(' · ');
}

/** The language a handout is in: its `<html lang dir>`. */
export interface PrintLanguage {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

/** The page around a handout's body, with the policy that allows its stylesheet by hash and nothing else. */
export function printDocument(title: string, body: string, language: PrintLanguage, paper: Paper, footer: string): PrintPage {
  const css = styles(paper, footer);
  const html = `<!doctype html>
<html lang="${escapeHtml(language.lang)}" dir="${language.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<main>
${body}
<footer class="page-footer">${escapeHtml(footer)}</footer>
</main>
</body>
</html>
`;
  return { html, csp: printCsp(css) };
}

/** No script, nothing fetched but links followed by the reader; only this exact stylesheet. */
export function printCsp(css: string): string {
  const hash = createHash('sha256').update(css).digest('base64');
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** A page that says what is wrong with the address and what would work. */
export function printError(heading: string, message: string): PrintPage {
  const css = 'html{font:11pt/1.5 system-ui,sans-serif;color:#000;background:#fff}main{max-width:40rem;margin:2rem auto;padding:0 1rem}';
  const html = `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>${escapeHtml(heading)}</title>
<style>${css}</style>
</head>
<body>
<main role="alert"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p></main>
</body>
</html>
`;
  return { html, csp: printCsp(css) };
}
