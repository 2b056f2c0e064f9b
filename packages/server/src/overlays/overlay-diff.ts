import { canonicalEntity, canonicalJson, type Framework, type FrameworkNode } from '@altitude/schema';

export interface DiffItem {
  readonly type: string;
  readonly slug: string;
  readonly title: string;
}

export interface FieldChange {
  /** The changed value's place in the item: `title`, `expectations.time-horizon.headline`, `atLevel.fellow`. */
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface OverlayDiff {
  readonly overlays: readonly string[];
  readonly upstreamVersion: string;
  readonly added: readonly DiffItem[];
  readonly amended: readonly (DiffItem & { readonly changes: readonly FieldChange[] })[];
  readonly hidden: readonly DiffItem[];
}

const nodes = (framework: Framework): FrameworkNode[] => [...framework.sources, ...framework.entities];
const item = (node: FrameworkNode): DiffItem => ({ type: node.kind, slug: node.slug, title: node.title });

/** What the overlays change, item by item, against the upstream framework they were applied to. */
export function overlayDiff(framework: Framework): OverlayDiff {
  const upstream = framework.upstream ?? framework;
  const served = new Set(nodes(framework).map((n) => `${n.kind}:${n.slug}`));
  return {
    overlays: framework.overlays.map((o) => o.name),
    upstreamVersion: upstream.version,
    added: nodes(framework)
      .filter((n) => n.origin === 'added')
      .map(item),
    amended: nodes(framework)
      .filter((n) => n.origin === 'amended')
      .map((n) => ({ ...item(n), changes: changes(canonicalEntity(upstream.find(n.kind as 'Level', n.slug)!), canonicalEntity(n)) })),
    hidden: nodes(upstream)
      .filter((n) => !served.has(`${n.kind}:${n.slug}`))
      .map(item),
  };
}

/** The leaves that differ, keyed by dotted path; a list counts as one value (overlays replace lists whole). */
function changes(before: unknown, after: unknown, at = ''): FieldChange[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const mapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  // Levels' expectations and atLevel are lists in the export keyed by dimension or level: compare them by that key.
  const keyed = (v: unknown) =>
    Array.isArray(v) && v.every((e) => mapping(e) && (typeof e.dimension === 'string' || typeof e.level === 'string'))
      ? Object.fromEntries(v.map((e: Record<string, unknown>) => [String(e.dimension ?? e.level), e]))
      : v;
  const b = keyed(before);
  const a = keyed(after);
  if (!mapping(b) || !mapping(a)) return [{ field: at, before, after }];
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => k !== 'contentHash')
    .flatMap((k) => changes(b[k], a[k], at ? `${at}.${k}` : k));
}

const clip = (value: unknown) => {
  const text = value === undefined ? '(none)' : typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value);
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
};

/** The diff as a table for a terminal. */
export function formatOverlayDiff(diff: OverlayDiff): string {
  const lines = [
    `Overlay ${diff.overlays.join(' + ')} on upstream ${diff.upstreamVersion}: ${diff.added.length} added, ${diff.amended.length} amended, ${diff.hidden.length} hidden`,
  ];
  const width = Math.max(0, ...[...diff.added, ...diff.amended, ...diff.hidden].map((i) => `${i.type} ${i.slug}`.length));
  const row = (i: DiffItem) => `  ${`${i.type} ${i.slug}`.padEnd(width)}  `;
  if (diff.added.length) lines.push('', 'Added', ...diff.added.map((i) => `${row(i)}${i.title}`));
  if (diff.amended.length) {
    lines.push('', 'Amended');
    for (const i of diff.amended) {
      i.changes.forEach((c, n) =>
        lines.push(`${n === 0 ? row(i) : ' '.repeat(width + 4)}${c.field}: ${clip(c.before)} → ${clip(c.after)}`),
      );
    }
  }
  if (diff.hidden.length) lines.push('', 'Hidden', ...diff.hidden.map((i) => `${row(i)}${i.title}`));
  return `${lines.join('\n')}\n`;
}

/** The overlay's changes for the demo page and embed builder: what a company's reader sees differ from upstream. */
export function renderOverlaySummary(framework: Framework, escape: (text: string) => string): string {
  if (framework.overlays.length === 0) return '';
  const diff = overlayDiff(framework);
  const row = (change: string, item: DiffItem, details: string) =>
    `<tr><td>${change}</td><td>${escape(item.type)}</td><td><code>${escape(item.slug)}</code> ${escape(item.title)}</td><td>${escape(details)}</td></tr>`;
  const rows = [
    ...diff.added.map((i) => row('Added', i, '')),
    ...diff.amended.map((i) => row('Amended', i, [...new Set(i.changes.map((c) => c.field.split('.')[0]!))].join(', '))),
    ...diff.hidden.map((i) => row('Hidden', i, '')),
  ];
  return `<section class="overlay" aria-labelledby="overlay-title">
  <h2 id="overlay-title">Your ladder</h2>
  <p>${escape(framework.title)} is the upstream framework ${escape(diff.upstreamVersion)} with overlay ${escape(diff.overlays.join(' + '))} applied: ${diff.added.length} added, ${diff.amended.length} amended, ${diff.hidden.length} hidden. Every widget and embed below shows the result.</p>
  <div class="table-scroll" tabindex="0" role="region" aria-labelledby="overlay-title">
  <table>
    <caption>What the overlay changes</caption>
    <thead><tr><th scope="col">Change</th><th scope="col">Type</th><th scope="col">Item</th><th scope="col">Fields</th></tr></thead>
    <tbody>${rows.join('')}</tbody>
  </table>
  </div>
</section>`;
}
