import type { Plugin } from 'vite';

/**
 * Shrinks the CSS inside Lit's css`…` templates in the bundle: comments go,
 * runs of white space become one space, and white space around { } ; is
 * dropped. Quoted strings are left exactly as written. Selectors keep their
 * single spaces, so descendant combinators mean what they meant.
 */
export function minifyCssTemplates(): Plugin {
  return {
    name: 'altitude:minify-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.styles\.ts$/.test(id)) return null;
      return { code: code.replace(/\bcss`([^`]*)`/g, (_all, body: string) => `css\`${minifyCss(body)}\``), map: null };
    },
  };
}

export function minifyCss(css: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (quote) {
      out += c;
      if (c === quote && css[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end === -1 ? css.length : end + 1;
    } else if (/\s/.test(c)) {
      if (!out.endsWith(' ')) out += ' ';
    } else if (c === '{' || c === '}' || c === ';') {
      out = out.replace(/ $/, '') + c;
      while (i + 1 < css.length && /\s/.test(css[i + 1]!)) i++;
    } else {
      out += c;
    }
  }
  return out.replace(/;}/g, '}').trim();
}
