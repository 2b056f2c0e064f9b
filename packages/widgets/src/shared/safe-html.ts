import DOMPurify from 'dompurify';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { DirectiveResult } from 'lit/directive.js';

// The API already sanitises its HTML; the widgets do it again because they
// may be pointed at any endpoint. Only the formatting Markdown produces
// survives, and links only to http(s) and mailto.
export const SANITIZE_CONFIG = {
  ALLOWED_TAGS: ['p', 'em', 'strong', 'code', 'a', 'ul', 'ol', 'li', 'br', 'blockquote', 'del', 'pre'],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  // Content must not hide itself from assistive technology or shout over it.
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
};

/** Where DOMPurify cannot run (no DOM), the sanitiser a server renderer registered, if any. */
let withoutDom: ((html: string) => string) | undefined;

/**
 * Registers the sanitiser to use where DOMPurify cannot run. Only the
 * server-side rendering entry (ssr.ts) calls it; without one, HTML is shown
 * as text there.
 */
export function registerSanitizerWithoutDom(sanitizer: (html: string) => string): void {
  withoutDom = sanitizer;
}

export function sanitize(html: string): string {
  if (DOMPurify.isSupported) return DOMPurify.sanitize(html, SANITIZE_CONFIG);
  // Fail closed: markup nobody could check is shown as the characters it is
  // made of, never handed to a parser.
  return withoutDom ? withoutDom(html) : escapeText(html);
}

/** Text as HTML that shows exactly that text. */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

/** Sanitised HTML as a Lit template value. */
export function safeHtml(html: string): DirectiveResult {
  return unsafeHTML(sanitize(html));
}

/** The URL when it is http(s) or mailto, else undefined: Lit binds attributes as given, even javascript:. */
export function safeUrl(url: string | null | undefined): string | undefined {
  return url && SANITIZE_CONFIG.ALLOWED_URI_REGEXP.test(url.trim()) ? url : undefined;
}
