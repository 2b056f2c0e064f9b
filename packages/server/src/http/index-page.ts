import type { Framework } from '@altitude/schema';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain page at `/` that says what this server is and where to go. */
export function renderIndexPage(framework: Framework): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Altitude — ${escape(framework.title)}</title>
</head>
<body>
<main>
<h1>Altitude</h1>
<p>${escape(framework.title)}, version ${escape(framework.version)}: ${framework.entities.length} entities from ${framework.sources.length} sources.</p>
<ul>
<li><a href="/graphql">GraphiQL</a> — explore the API with example queries (<code>POST /graphql</code> or <code>GET /graphql?query=…</code>)</li>
<li><a href="/health">/health</a> — liveness</li>
<li><a href="/ready">/ready</a> — readiness, with the content version and hash</li>
</ul>
</main>
</body>
</html>
`;
}
