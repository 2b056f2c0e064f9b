import DOMPurify from 'dompurify';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { DirectiveResult } from 'lit/directive.js';

// The API already sanitises its HTML; the widgets do it again because they
// may be pointed at any endpoint. Only the formatting Markdown produces
// survives, and links only to http(s) and mailto.
const CONFIG = {
  ALLOWED_TAGS: ['p', 'em', 'strong', 'code', 'a', 'ul', 'ol', 'li', 'br', 'blockquote', 'del', 'pre'],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  // Content must not hide itself from assistive technology or shout over it.
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
};

export function sanitize(html: string): string {
  // Without a DOM (a server rendering the widgets) DOMPurify cannot run. The
  // only server that renders them is Altitude's, with HTML its own API has
  // sanitised with rehype-sanitize; anything else must sanitise the same way.
  return DOMPurify.isSupported ? DOMPurify.sanitize(html, CONFIG) : html;
}

/** Sanitised HTML as a Lit template value. */
export function safeHtml(html: string): DirectiveResult {
  return unsafeHTML(sanitize(html));
}

/** The URL when it is http(s) or mailto, else undefined: Lit binds attributes as given, even javascript:. */
export function safeUrl(url: string | null | undefined): string | undefined {
  return url && CONFIG.ALLOWED_URI_REGEXP.test(url.trim()) ? url : undefined;
}
