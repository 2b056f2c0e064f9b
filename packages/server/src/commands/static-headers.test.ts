import { describe, expect, it } from 'vitest';
import { headerRules, headersToCopy, netlifyHeaders, nginxHeaders } from './static-headers.js';

const page = (hash: string) => ({
  'content-security-policy': `style-src 'sha256-${hash}'; frame-ancestors *`,
  'cache-control': 'no-cache',
});
const answer = { 'content-type': 'application/graphql-response+json; charset=utf-8', 'cache-control': 'public, max-age=60' };

describe('headerRules', () => {
  it('gives a folder one rule when every file under it has the same headers, and each file its own otherwise', () => {
    const files = new Map<string, Record<string, string>>([
      ['widgets.js', { 'cache-control': 'public, max-age=300' }],
      ['graphql/a/_.json', answer],
      ['graphql/b/slug=staff.json', answer],
      ['embed/level/staff.html', page('a')],
      ['embed/level/principal.html', page('a')],
      ['embed/failure-modes.html', page('b')],
    ]);
    const rules = headerRules(files);
    expect(rules.map((r) => r.path)).toEqual([
      '/widgets.js',
      '/embed/failure-modes.html',
      '/embed/failure-modes',
      '/embed/level/*',
      '/graphql/*',
    ]);
    // No file is matched by two rules (hosts would join the two values of a header).
    for (const file of files.keys()) {
      const matching = rules.filter((r) => (r.path.endsWith('/*') ? `/${file}`.startsWith(r.path.slice(0, -1)) : r.path === `/${file}`));
      expect(matching).toHaveLength(1);
    }
  });
});

describe('headersToCopy', () => {
  it('keeps what a static host must be told and drops what belongs to one response', () => {
    expect(
      headersToCopy({
        'content-type': 'text/html',
        etag: '"x"',
        date: 'now',
        vary: 'accept-encoding',
        'content-length': '3',
        'x-content-type-options': 'nosniff',
      }),
    ).toEqual({ 'content-type': 'text/html', 'x-content-type-options': 'nosniff' });
  });
});

describe('netlifyHeaders and nginxHeaders', () => {
  it('write the same rules in each format', () => {
    const rules = [
      { path: '/embed/level/*', headers: page('a') },
      { path: '/graphql/*', headers: answer },
    ];
    expect(netlifyHeaders(rules, 'https://s.example')).toContain(
      "/embed/level/*\n  Content-Security-Policy: style-src 'sha256-a'; frame-ancestors *\n  Cache-Control: no-cache\n",
    );
    const nginx = nginxHeaders(rules, 'https://s.example');
    expect(nginx).toContain(
      `location ^~ /embed/level/ {\n  try_files $uri $uri.html =404;\n  add_header Content-Security-Policy "style-src 'sha256-a'; frame-ancestors *" always;\n  add_header Cache-Control "no-cache" always;\n}`,
    );
    expect(nginx).toContain(
      'location ^~ /graphql/ {\n  try_files $uri $uri.html =404;\n  types { }\n  default_type "application/graphql-response+json; charset=utf-8";',
    );
  });
});
