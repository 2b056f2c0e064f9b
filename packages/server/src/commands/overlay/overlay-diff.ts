import { canonicalEntity, loadFramework, formatContentError, canonicalJson, type Framework, type FrameworkNode } from '@altitude/schema';

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

export async function runOverlayDiff(
  options: { readonly contentDir: string; readonly overlays: readonly string[]; readonly cwd: string; readonly json: boolean },
  io: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  if (options.overlays.length === 0) {
    io.err('altitude: no overlay to compare; give --overlay DIR (or set ALTITUDE_OVERLAY, or overlay in altitude.config)\n');
    return 2;
  }
  const result = await loadFramework(options.contentDir, { cwd: options.cwd, overlays: options.overlays });
  if (!result.ok) {
    for (const error of result.errors) io.err(`${formatContentError(error, options.cwd)}\n`);
    return 1;
  }
  const diff = overlayDiff(result.framework);
  io.out(options.json ? `${JSON.stringify(diff, null, 2)}\n` : formatOverlayDiff(diff));
  return 0;
}
