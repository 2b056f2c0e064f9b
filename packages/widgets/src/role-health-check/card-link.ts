// Where a result links to the failure-mode card: the page's own card, from a
// template the page gives (`card-href="/wiki/failure-modes#{slug}"`). The
// template is page input and the slug API input, so only http(s) and
// relative addresses come out, and the slug is encoded.

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Whether the template can make safe links: relative, or http(s). Checked once, on the template itself. */
export function validCardHref(template: string): boolean {
  // Control characters and backslashes let browsers read a different URL than this check does.
  // eslint-disable-next-line no-control-regex
  if (template.trim() === '' || /[\u0000-\u001f\u007f\\]/.test(template)) return false;
  // Browsers drop the spaces around a URL, so a scheme behind them still counts.
  const filled = template.trim().replaceAll('{slug}', 'x');
  if (filled.startsWith('//')) return true;
  if (!SCHEME.test(filled)) return true;
  return /^https?:\/\//i.test(filled);
}

/** The link to one mode's card. */
export function cardHref(template: string, slug: string): string {
  return template.trim().replaceAll('{slug}', encodeURIComponent(slug));
}
