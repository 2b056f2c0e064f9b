/** Schemes a widget links to: the web and mail, nothing that runs or embeds. */
const ALLOWED_URL = /^(?:https?:|mailto:)/i;

/** The URL, trimmed, when it is http(s) or mailto, else undefined: Lit binds attributes as given, even javascript:. */
export function safeUrl(url: unknown): string | undefined {
  const trimmed = typeof url === 'string' ? url.trim() : '';
  return ALLOWED_URL.test(trimmed) ? trimmed : undefined;
}
