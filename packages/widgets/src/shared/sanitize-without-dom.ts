import { escapeText, SANITIZE_CONFIG } from './safe-html.js';

// The sanitiser of the server-side renderer, which has no DOM for DOMPurify.
// It never copies markup from its input: every tag in its output is one it
// wrote itself from the allow-list, every other character is escaped text.
// A misread input can therefore lose formatting, never inject any. On the
// formatting the Altitude API produces, its output is the string DOMPurify
// gives in a browser, so server-rendered widgets hydrate without a mismatch.

const ALLOWED = new Set(SANITIZE_CONFIG.ALLOWED_TAGS);
const VOID = new Set(['br']);
/** Elements dropped with everything inside them (their content is code, or not text). */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'textarea',
  'title',
  'iframe',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'svg',
  'math',
  'object',
  'select',
  'head',
]);
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** What DOMPurify ignores in a URL when it checks the scheme (control characters included, on purpose). */
// eslint-disable-next-line no-control-regex
const URL_WHITESPACE = /[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000]/g;

const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
const ATTRIBUTE_NAME = /[^\s/>][^\s/>=]*/y;
const UNQUOTED_VALUE = /[^\s>]*/y;
const SPACE = /[\s/]*/y;

export function sanitizeWithoutDom(input: string): string {
  const html = input.replace(/\r\n?/g, '\n').replace(/\0/g, '');
  const open: string[] = [];
  let out = '';
  let i = 0;

  const match = (pattern: RegExp): string => {
    pattern.lastIndex = i;
    const found = pattern.exec(html)?.[0] ?? '';
    i += found.length;
    return found;
  };
  /** Reads a tag's attributes up to its `>`; undefined when the input ends first (a browser drops such a tag). */
  const attributes = (): Map<string, string> | undefined => {
    const found = new Map<string, string>();
    for (;;) {
      match(SPACE);
      if (i >= html.length) return undefined;
      if (html[i] === '>') {
        i++;
        return found;
      }
      const name = match(ATTRIBUTE_NAME).toLowerCase();
      let value = '';
      const beforeEquals = i;
      match(/\s*/y);
      if (html[i] === '=') {
        i++;
        match(/\s*/y);
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          if (end === -1) return undefined;
          value = html.slice(i + 1, end);
          i = end + 1;
        } else {
          value = match(UNQUOTED_VALUE);
        }
      } else {
        i = beforeEquals;
      }
      // The first of a repeated attribute wins, as in a browser.
      if (name && !found.has(name)) found.set(name, decode(value));
    }
  };

  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      out += textHtml(html.slice(i, textEnd));
      i = textEnd;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const closing = html[i + 1] === '/';
    i += closing ? 2 : 1;
    const name = match(TAG_NAME).toLowerCase();
    if (!name) {
      if (closing || html[i] === '!' || html[i] === '?') {
        // `</…`, `<!…`, `<?…` without a tag name: a comment to a browser.
        const end = html.indexOf('>', i);
        i = end === -1 ? html.length : end + 1;
      } else {
        out += '&lt;';
      }
      continue;
    }
    const attrs = attributes();
    if (attrs === undefined) break;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at !== -1) while (open.length > at) out += `</${open.pop()!}>`;
    } else if (DROP_WITH_CONTENT.has(name)) {
      const end = new RegExp(`</${name}[\\s/>]`, 'ig');
      end.lastIndex = i;
      const found = end.exec(html);
      if (!found) break;
      i = found.index + 2;
      match(TAG_NAME);
      if (attributes() === undefined) break;
    } else if (ALLOWED.has(name)) {
      out += `<${name}${name === 'a' ? hrefAttribute(attrs.get('href')) : ''}>`;
      if (!VOID.has(name)) open.push(name);
      // A browser drops the newline that directly follows <pre>.
      if (name === 'pre' && html[i] === '\n') i++;
    }
    // Any other element: the tag goes, its text stays.
  }
  while (open.length) out += `</${open.pop()!}>`;
  return out;
}

function hrefAttribute(href: string | undefined): string {
  if (href === undefined) return '';
  const value = href.trim();
  if (!SANITIZE_CONFIG.ALLOWED_URI_REGEXP.test(value.replace(URL_WHITESPACE, ''))) return '';
  return ` href="${value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;')}"`;
}

const REFERENCE = /&(?:#(\d+);?|#[xX]([0-9a-fA-F]+);?|([a-zA-Z][a-zA-Z0-9]*);|(amp|lt|gt|quot|nbsp)(?![a-zA-Z0-9]))/g;

/** The character a reference stands for, or undefined for a name this module does not know. */
function character(dec?: string, hex?: string, name?: string, legacy?: string): string | undefined {
  if (dec === undefined && hex === undefined) return NAMED[name ?? legacy ?? ''];
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

/** Character references to the characters they stand for (attribute values). */
function decode(text: string): string {
  return text.replace(
    REFERENCE,
    (whole, dec?: string, hex?: string, name?: string, legacy?: string) => character(dec, hex, name, legacy) ?? whole,
  );
}

/**
 * Text as the HTML a browser serialises it to. A named reference this
 * module does not know (`&mdash;`) is kept as it is: it can only ever be a
 * character.
 */
function textHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const found of text.matchAll(REFERENCE)) {
    const [whole, dec, hex, name, legacy] = found;
    const known = character(dec, hex, name, legacy);
    out += escapeText(text.slice(last, found.index)) + (known === undefined ? whole : escapeText(known));
    last = found.index + whole.length;
  }
  return out + escapeText(text.slice(last));
}
