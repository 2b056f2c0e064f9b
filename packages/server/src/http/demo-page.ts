import type { Framework } from '@altitude/schema';
import { DEMO_EXAMPLES, type DemoExample } from './demo-examples.js';
import { escapeHtml } from './html.js';

/** The tag as a wiki editor would paste it. */
export function exampleTag(example: DemoExample): string {
  const attributes = Object.entries(example.attributes)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  return `<${example.tag}${attributes}></${example.tag}>`;
}

export function exampleSnippet(example: DemoExample, origin: string): string {
  return `<script type="module" src="${origin}/widgets.js"></script>\n${exampleTag(example)}`;
}

/**
 * The page at `/`: every widget live, each with the two lines to paste.
 * No inline script or style, so it is served under a strict CSP.
 */
export function renderDemoPage(framework: Framework, origin: string): string {
  const examples = DEMO_EXAMPLES.map((example) => {
    const codeId = `snippet-${example.id}`;
    const tagWithMarker = exampleTag(example).replace(`<${example.tag}`, `<${example.tag} data-widget`);
    return `<section class="example" id="${example.id}" aria-labelledby="${example.id}-title">
  <h2 id="${example.id}-title">${escapeHtml(example.title)}</h2>
  <p>${escapeHtml(example.description)}</p>
  <div class="snippet">
    <pre><code id="${codeId}">${escapeHtml(exampleSnippet(example, origin))}</code></pre>
    <button type="button" data-copy="${codeId}">Copy<span class="visually-hidden"> the ${escapeHtml(example.title.toLowerCase())} snippet</span></button>
    <p class="copied" id="${codeId}-status" role="status"></p>
  </div>
  ${tagWithMarker.replace('></', ' heading-level="3"></')}
</section>`;
  }).join('\n');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Altitude — ${escapeHtml(framework.title)}</title>
<link rel="stylesheet" href="/demo.css">
<script type="module" src="/widgets.js"></script>
<script type="module" src="/demo.js"></script>
</head>
<body>
<header>
  <h1>Altitude</h1>
  <p>${escapeHtml(framework.title)}, version ${escapeHtml(framework.version)}: ${framework.entities.length} entities from ${framework.sources.length} sources, as a GraphQL API and drop-in web components. Paste the two lines under any widget into a wiki page or career portal.</p>
  <nav aria-label="Endpoints">
    <ul>
      <li><a href="/graphql">GraphiQL</a></li>
      <li><a href="/widgets.js">widgets.js</a></li>
      <li><a href="/health">/health</a></li>
      <li><a href="/ready">/ready</a></li>
    </ul>
  </nav>
  <p class="controls"><label for="theme">Theme of the widgets</label>
    <select id="theme">
      <option value="">Follow the system</option>
      <option value="light">Light</option>
      <option value="dark">Dark</option>
    </select>
  </p>
</header>
<main>
${examples}
</main>
</body>
</html>
`;
}
