import { SOURCE_LOCALE, escapeHtml, type Framework, type LocaleInfo } from '@altitude/schema';
import { DEMO_EXAMPLES, type DemoExample } from './demo-examples.js';
import { oembedUrlOf } from '../embeds/widget-spec.js';
import { renderOverlaySummary } from '../overlays/overlay-diff.js';

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
const FORMS = [
  ['script', 'Script and tag', 'For pages that allow a script: the live widget.'],
  [
    'iframe',
    'Iframe',
    'For wikis that take an iframe (Confluence, Notion, most intranets). Add /embed-resize.js to the host page to size it to fit.',
  ],
  ['oembed', 'oEmbed link', 'For tools that discover embeds from a link: paste this URL (or the embed page URL).'],
  ['html', 'HTML snippet', 'Static HTML to paste: no script, no external requests; reads in light and dark.'],
  ['markdown', 'Markdown', 'A Markdown table (or lists) for wikis and READMEs that take Markdown.'],
] as const;

/** The forms a tool has none of: it is filled in, so it needs its script (or an iframe, whose page runs it). */
const STATIC_FORMS = new Set(['html', 'markdown']);

/**
 * The builder's language choice: every locale served, named in itself (and
 * marked with its lang, so a screen reader says "Deutsch" in German); the
 * generated pseudo-locales apart, as what they are, locales for testing.
 */
function languageSelect(framework: Framework): string {
  const option = (l: LocaleInfo) =>
    `<option value="${escapeHtml(l.tag)}"${l.generated ? '' : ` lang="${escapeHtml(l.tag)}"`}${l.tag === SOURCE_LOCALE ? ' selected' : ''}>${escapeHtml(l.name)}</option>`;
  const translated = framework.locales.filter((l) => !l.generated);
  const generated = framework.locales.filter((l) => l.generated);
  return `<p><label for="builder-lang">Language</label> <select id="builder-lang" name="lang" aria-describedby="builder-lang-help">${translated.map(option).join('')}${
    generated.length
      ? `<optgroup label="Testing locales (generated, for checking layouts)">${generated.map(option).join('')}</optgroup>`
      : ''
  }</select></p>
    <p class="help" id="builder-lang-help">The preview, the iframe and the snippets are in this language; the script tag carries it as lang. With English, a pasted script tag follows its page's language.</p>`;
}

/** The embed builder: choose a widget and its options, see it live, copy any form of it. */
function renderBuilder(framework: Framework, origin: string): string {
  const checkbox = (name: string, value: string, label: string, checked: boolean) =>
    `<label class="choice"><input type="checkbox" name="${name}" value="${escapeHtml(value)}"${checked ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
  const options = (items: readonly { slug: string; title: string }[]) =>
    items.map((i) => `<option value="${escapeHtml(i.slug)}">${escapeHtml(i.title)}</option>`).join('');
  const widgets = [
    ['level-compare', 'Compare levels'],
    ['level', 'One level'],
    ['failure-mode', 'A failure mode'],
    ['failure-modes', 'Every failure mode'],
    ['leverage-mechanisms', 'Leverage mechanisms'],
    ['self-assessment', 'Self-assessment (a tool)'],
    ['role-health-check', 'Role health check (a tool)'],
  ];
  const top = framework.levels.reduce((a, b) => (b.rank > a.rank ? b : a), framework.levels[0]!);
  const forms = FORMS.map(
    ([id, title, help]) => `<div class="snippet form" data-form="${id}"${STATIC_FORMS.has(id) ? ' data-static' : ''}>
    <h3 id="form-${id}-title">${escapeHtml(title)}</h3>
    <p class="help">${escapeHtml(help)}</p>
    <pre tabindex="0" aria-labelledby="form-${id}-title"><code id="form-${id}"></code></pre>
    <button type="button" data-copy="form-${id}">Copy<span class="visually-hidden"> the ${escapeHtml(title.toLowerCase())}</span></button>
    <p class="copied" id="form-${id}-status" role="status"></p>
  </div>`,
  ).join('\n');
  return `<section class="builder" aria-labelledby="builder-title">
  <h2 id="builder-title">Build an embed</h2>
  <form id="builder" data-origin="${escapeHtml(origin)}">
    <fieldset>
      <legend>Widget</legend>
      ${widgets.map(([value, label], i) => `<label class="choice"><input type="radio" name="widget" value="${value}"${i === 0 ? ' checked' : ''}> ${label}</label>`).join('\n      ')}
    </fieldset>
    <fieldset data-for="level-compare">
      <legend>Levels to compare (at least two)</legend>
      ${framework.levels.map((l) => checkbox('levels', l.slug, l.title, true)).join('\n      ')}
    </fieldset>
    <fieldset data-for="level-compare">
      <legend>Dimensions (all when none is ticked)</legend>
      ${framework.dimensions.map((d) => checkbox('dimensions', d.slug, d.title, false)).join('\n      ')}
    </fieldset>
    <p data-for="level" hidden><label for="builder-level">Level</label> <select id="builder-level" name="level">${options(framework.levels)}</select></p>
    <p data-for="failure-mode" hidden><label for="builder-mode">Failure mode</label> <select id="builder-mode" name="mode">${options(framework.failureModes)}</select></p>
    <p data-for="self-assessment" hidden><label for="builder-target">Target level</label> <select id="builder-target" name="target">${framework.levels
      .map((l) => `<option value="${escapeHtml(l.slug)}"${l === top ? ' selected' : ''}>${escapeHtml(l.title)}</option>`)
      .join('')}</select></p>
    <p data-for="role-health-check" hidden><label for="builder-card-href">Link to your failure-mode cards (optional)</label> <input id="builder-card-href" name="card-href" type="text" inputmode="url" maxlength="500" spellcheck="false" aria-describedby="builder-card-href-help">
      <span class="help" id="builder-card-href-help">An http(s) or relative address with {slug} for the mode, e.g. https://wiki.example.com/failure-modes#{slug}. Empty: each result opens its card in place. In an iframe a relative address is read against this server.</span></p>
    <p><label for="builder-theme">Theme</label> <select id="builder-theme" name="theme"><option value="">Follow the reader's system</option><option value="light">Light</option><option value="dark">Dark</option></select></p>
    ${languageSelect(framework)}
  </form>
  <p id="builder-problem" class="problem" role="alert"></p>
  <h3>Preview</h3>
  <div id="builder-preview" class="preview"></div>
  <p id="builder-tool-note" class="help" hidden>A tool is filled in, and its script keeps the answers in the page’s address, so it has no static HTML or Markdown snippet: use the script or the iframe (in which the answers live in the frame’s own address).</p>
  <div class="forms">
  ${forms}
  </div>
</section>`;
}

export function renderDemoPage(framework: Framework, origin: string): string {
  const examples = DEMO_EXAMPLES.map((example) => {
    const codeId = `snippet-${example.id}`;
    const tagWithMarker = exampleTag(example).replace(`<${example.tag}`, `<${example.tag} data-widget`);
    return `<section class="example" id="${example.id}" aria-labelledby="${example.id}-title">
  <h2 id="${example.id}-title">${escapeHtml(example.title)}</h2>
  <p>${escapeHtml(example.description)}</p>
  <div class="snippet">
    <pre tabindex="0" aria-labelledby="${example.id}-title"><code id="${codeId}">${escapeHtml(exampleSnippet(example, origin))}</code></pre>
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
<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembedUrlOf(`${origin}/embed/level-compare?levels=${framework.levels.map((l) => l.slug).join(',')}`, origin))}" title="Levels compared">
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
      <li><a href="/widgets.js">widgets.js</a> (the loader)</li>
      <li><a href="/widgets-all.js">widgets-all.js</a> (every widget in one file)</li>
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
${renderOverlaySummary(framework, escapeHtml)}
${renderBuilder(framework, origin)}
<h2 class="examples-title">Every widget</h2>
${examples}
</main>
</body>
</html>
`;
}
