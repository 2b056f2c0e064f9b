// Writes a framework k times the size of the upstream one into a folder, for
// measuring how loading grows. Every kind of content grows about k times:
// items k times, and since a level needs a cell per dimension and a capability
// or mechanism a note per level, levels and dimensions grow √k times, and
// capabilities and mechanisms √k times too. The texts are upstream's, reused,
// so strings are as long as real ones. Files hold 50 items each (content
// files are refused over 1 MiB).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const read = (root, file) => parse(readFileSync(path.join(root, 'content', file), 'utf8'));

export function writeScaledContent(root, k, dir) {
  const up = {
    sources: read(root, 'sources.yaml').sources,
    dimensions: read(root, 'dimensions.yaml').dimensions,
    levels: read(root, 'levels.yaml').levels,
    capabilities: read(root, 'capabilities.yaml').capabilities,
    leverageMechanisms: read(root, 'leverage-mechanisms.yaml').leverageMechanisms,
    failureModes: read(root, 'failure-modes.yaml').failureModes,
    orgPractices: read(root, 'org-practices.yaml').orgPractices,
    tensions: read(root, 'tensions.yaml').tensions,
    misconceptions: read(root, 'misconceptions.yaml').misconceptions,
    glossary: read(root, 'glossary.yaml').glossary,
    transitions: read(root, 'transitions.yaml').transitions,
  };
  const root2 = Math.sqrt(k);
  const count = (n, factor) => Math.max(1, Math.round(n * factor));
  const cycle = (list, i) => list[i % list.length];
  const sources = Array.from({ length: count(up.sources.length, k) }, (_, i) => ({ ...cycle(up.sources, i), slug: `source-${i}` }));
  const cite = (i) => {
    const source = sources[i % sources.length];
    return [{ source: source.slug, section: source.sections[i % source.sections.length] }];
  };
  const base = (prefix, template, i) => ({
    slug: `${prefix}-${i}`,
    title: `${template.title} ${i}`,
    summary: template.summary,
    basis: 'sourced',
    sources: cite(i),
  });
  const dimensions = Array.from({ length: count(up.dimensions.length, root2) }, (_, i) => ({
    ...base('dimension', cycle(up.dimensions, i), i),
    description: cycle(up.dimensions, i).description,
  }));
  const cells = up.levels.flatMap((l) => Object.values(l.expectations));
  const levels = Array.from({ length: count(up.levels.length, root2) }, (_, i) => {
    const template = cycle(up.levels, i);
    return {
      ...base('level', template, i),
      rank: i + 1,
      description: template.description,
      signalsBelow: template.signalsBelow,
      expectations: Object.fromEntries(
        dimensions.map((d, j) => {
          const { quotation: _q, ...cell } = cycle(cells, i * 7 + j);
          return [d.slug, { ...cell, headline: `${cell.headline}`.slice(0, 50) }];
        }),
      ),
    };
  });
  const notes = [...up.capabilities, ...up.leverageMechanisms].flatMap((c) => Object.values(c.atLevel));
  const atLevel = (i) => Object.fromEntries(levels.map((l, j) => [l.slug, cycle(notes, i + j)]));
  const transitions = levels.slice(1).map((to, i) => ({
    ...base('transition', cycle(up.transitions, i), i),
    from: levels[i].slug,
    to: to.slug,
    whatChanges: cycle(up.transitions, i).whatChanges,
    whyPeopleStall: cycle(up.transitions, i).whyPeopleStall,
  }));
  const copies = (list, factor, prefix, extra) =>
    Array.from({ length: count(list.length, factor) }, (_, i) => {
      const { slug: _s, title: _t, summary: _su, basis: _b, interpretation: _i, quotations: _q, sources: _so, ...rest } = cycle(list, i);
      return { ...base(prefix, cycle(list, i), i), ...rest, ...extra(i) };
    });
  const orgPractices = copies(up.orgPractices, k, 'practice', () => ({}));
  const failureModes = copies(up.failureModes, k, 'failure-mode', (i) => ({ preventedBy: [orgPractices[i % orgPractices.length].slug] }));
  const collections = {
    sources,
    dimensions,
    levels,
    transitions,
    capabilities: copies(up.capabilities, root2, 'capability', (i) => ({ atLevel: atLevel(i) })),
    leverageMechanisms: copies(up.leverageMechanisms, root2, 'mechanism', (i) => ({ atLevel: atLevel(i) })),
    failureModes,
    orgPractices,
    tensions: copies(up.tensions, k, 'tension', () => ({})),
    misconceptions: copies(up.misconceptions, k, 'misconception', (i) => ({
      relatedFailureModes: [failureModes[i % failureModes.length].slug],
    })),
    glossary: copies(up.glossary, k, 'term', () => ({})),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'framework.yaml'),
    stringify({ framework: { title: `Generated framework (${k}×)`, summary: 'Generated for pnpm bench.', version: '0.0.0' } }),
  );
  let items = 0;
  for (const [name, list] of Object.entries(collections)) {
    for (let start = 0; start < list.length; start += 50) {
      writeFileSync(path.join(dir, `${name}-${start / 50}.yaml`), stringify({ [name]: list.slice(start, start + 50) }));
    }
    items += list.length;
  }
  return { items, levels: levels.length, dimensions: dimensions.length, cells: levels.length * dimensions.length };
}
