import type { IncomingHttpHeaders } from 'node:http';

/** A path in the site (`/embed/level/staff.html`, or a folder's `/graphql/*`) and the headers it is served with. */
export interface HeaderRule {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

// What a static host works out for itself, or what belongs to one response only.
const NOT_COPIED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'etag',
  'last-modified',
  'vary',
  'age',
]);

/** The headers of a server response a static copy of the file must be served with. */
export function headersToCopy(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_COPIED.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}

const same = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * As few rules as say exactly what the server sends: one `/folder/*` rule
 * where every file under the folder has the same headers, one rule per file
 * elsewhere (a page also under its address without .html). No two rules
 * match one address, since hosts join the values of a header set twice
 * (which would break a CSP).
 */
export function headerRules(files: ReadonlyMap<string, Readonly<Record<string, string>>>): HeaderRule[] {
  const rules: HeaderRule[] = [];
  const visit = (folder: string, paths: string[]) => {
    const first = files.get(paths[0]!)!;
    if (folder && paths.every((p) => same(files.get(p)!, first))) {
      rules.push({ path: `/${folder}/*`, headers: first });
      return;
    }
    const inside = new Map<string, string[]>();
    for (const p of paths) {
      const rest = folder ? p.slice(folder.length + 1) : p;
      const slash = rest.indexOf('/');
      if (slash === -1) {
        rules.push({ path: `/${p}`, headers: files.get(p)! });
        // Hosts serve page.html at /page too ("pretty URLs"), the address snippets link to.
        if (p.endsWith('.html')) rules.push({ path: `/${p.slice(0, -'.html'.length)}`, headers: files.get(p)! });
      } else {
        const sub = folder ? `${folder}/${rest.slice(0, slash)}` : rest.slice(0, slash);
        inside.set(sub, [...(inside.get(sub) ?? []), p]);
      }
    }
    for (const [sub, subPaths] of inside) visit(sub, subPaths);
  };
  if (files.size) visit('', [...files.keys()].sort());
  return rules;
}

const titleCase = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash}${c.toUpperCase()}`);

/** The `_headers` file Netlify and Cloudflare Pages read. */
export function netlifyHeaders(rules: readonly HeaderRule[], origin: string): string {
  const lines = [
    `# Written by altitude build-static for ${origin}: the headers the Altitude server sends with these files`,
    '# (CSP and frame-ancestors, CORS, cache policy, types), for static hosts that read _headers (Netlify, Cloudflare Pages).',
    '# headers.nginx.conf says the same for nginx.',
  ];
  for (const rule of rules) {
    lines.push(rule.path);
    for (const [name, value] of Object.entries(rule.headers)) lines.push(`  ${titleCase(name)}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The same rules for nginx: `include` this file inside the `server` block
 * whose `root` is the build. Content-Type is set through default_type (an
 * add_header would send a second one); `always` keeps the headers on 304s.
 * Each location serves `page.html` at `/page` too, as the other hosts do.
 */
export function nginxHeaders(rules: readonly HeaderRule[], origin: string): string {
  const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;
  const lines = [
    `# Written by altitude build-static for ${origin}. In the server { } block that serves this folder:`,
    '#   include /path/to/this/folder/headers.nginx.conf;',
  ];
  for (const rule of rules) {
    const location = rule.path.endsWith('/*') ? `^~ ${rule.path.slice(0, -1)}` : `= ${rule.path}`;
    // A location does not inherit the server's try_files: pages are also served at their address without .html.
    lines.push(`location ${location} {`, '  try_files $uri $uri.html =404;');
    for (const [name, value] of Object.entries(rule.headers)) {
      // nginx reads $ as a variable; no header Altitude sends has one, and none is written wrong if one ever does.
      if (value.includes('$')) lines.push(`  # ${name} not copied: its value holds a "$"`);
      else if (name === 'content-type') lines.push(`  types { }`, `  default_type ${quote(value)};`);
      else lines.push(`  add_header ${titleCase(name)} ${quote(value)} always;`);
    }
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}
