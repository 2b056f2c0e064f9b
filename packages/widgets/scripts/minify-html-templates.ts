import { parseAst, type Plugin } from 'vite';

/**
 * Shrinks the markup inside Lit's html`…` templates in the bundles: each line
 * break with the indentation around it becomes one space, which renders the
 * same (HTML collapses white space) outside <pre> and <textarea>; a template
 * holding either is left alone. Templates are found by parsing, so a string
 * or comment that mentions html` is never touched, nor is any ${…}.
 */
export function minifyHtmlTemplates(): Plugin {
  return {
    name: 'altitude:minify-html-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('html`')) return null;
      return { code: minifyHtmlTemplatesIn(code), map: null };
    },
  };
}

interface Node {
  readonly type?: string;
  readonly [key: string]: unknown;
}
interface Quasi {
  readonly start: number;
  readonly value: { readonly raw: string };
}

/** `code` (TypeScript) with the text of every html`…` template collapsed. */
export function minifyHtmlTemplatesIn(code: string): string {
  const texts: { start: number; end: number }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'TaggedTemplateExpression' && (n.tag as Node).type === 'Identifier' && (n.tag as { name: string }).name === 'html') {
      const quasis = (n.quasi as { quasis: Quasi[] }).quasis;
      if (!quasis.some((q) => /<(pre|textarea)\b/i.test(q.value.raw)))
        // A quasi starts at the ` or } before its text.
        for (const q of quasis) texts.push({ start: q.start + 1, end: q.start + 1 + q.value.raw.length });
    }
    for (const value of Object.values(n)) visit(value);
  };
  visit(parseAst(code, { lang: 'ts' }));
  let out = code;
  for (const { start, end } of texts.sort((a, b) => b.start - a.start))
    out = out.slice(0, start) + out.slice(start, end).replace(/\s*\n\s*/g, ' ') + out.slice(end);
  return out;
}
