import type { Expectation, Framework, FrameworkNode, LevelNote, Quotation, RichText } from '../graph/types.js';
import { FRAMEWORK_EXPORT_FORMAT, FRAMEWORK_EXPORT_FORMAT_VERSION, type EntityJson, type FrameworkExportJson } from './export-model.js';

const md = (text: RichText) => text.markdown;
const mdList = (list: readonly RichText[]) => list.map(md);
const quotationJson = (q: Quotation) => ({ text: q.text, speaker: q.speaker, source: q.source.slug, section: q.section });
const atLevelJson = (notes: readonly LevelNote[]) => notes.map((n) => ({ level: n.level.slug, text: md(n.text), basis: n.basis }));

/** One level's expectation on one dimension as exported inside its level (which the `level` slug names). */
const cellJson = (e: Expectation) => ({
  dimension: e.dimension.slug,
  headline: e.headline,
  text: md(e.text),
  basis: e.basis,
  quotation: e.quotation && quotationJson(e.quotation),
});

/** An expectation on its own, as the change feed reports it and its content hash covers. */
export const expectationJson = (e: Expectation) => ({ level: e.level.slug, ...cellJson(e) });

/** The canonical JSON of one entity or source, as exported, snapshotted and sent in webhooks. */
export function canonicalEntity(node: FrameworkNode): EntityJson {
  if (node.kind === 'Source') {
    return {
      slug: node.slug,
      title: node.title,
      author: node.author,
      publisher: node.publisher,
      published: node.published,
      url: node.url,
      summary: md(node.summary),
      sections: [...node.sections],
      contentHash: node.contentHash,
    };
  }
  const base = {
    slug: node.slug,
    title: node.title,
    summary: md(node.summary),
    basis: node.basis,
    interpretation: node.interpretation && md(node.interpretation),
    quotations: node.quotations.map(quotationJson),
    sources: node.sources.map((c) => ({ source: c.source.slug, section: c.section })),
    contentHash: node.contentHash,
  };
  switch (node.kind) {
    case 'Dimension':
      return { ...base, position: node.position, description: md(node.description) };
    case 'Level':
      return {
        ...base,
        rank: node.rank,
        description: md(node.description),
        expectations: node.expectations.map(cellJson),
        signalsBelow: node.signalsBelow.map((s) => ({ text: md(s.text), basis: s.basis })),
      };
    case 'Transition':
      return {
        ...base,
        from: node.from.slug,
        to: node.to.slug,
        whatChanges: mdList(node.whatChanges),
        whyPeopleStall: mdList(node.whyPeopleStall),
      };
    case 'LeverageMechanism':
      return { ...base, description: md(node.description), inPractice: mdList(node.inPractice), atLevel: atLevelJson(node.atLevel) };
    case 'FailureMode':
      return {
        ...base,
        description: md(node.description),
        symptoms: mdList(node.symptoms),
        consequences: mdList(node.consequences),
        preventedBy: node.preventedBy.map((p) => p.slug),
      };
    case 'OrgPractice':
      return { ...base, description: md(node.description), examples: mdList(node.examples) };
    case 'Capability':
      return { ...base, description: md(node.description), atLevel: atLevelJson(node.atLevel) };
    case 'Tension':
      return { ...base, description: md(node.description) };
    case 'GlossaryTerm':
      return base;
    case 'Misconception':
      return { ...base, reality: md(node.reality), relatedFailureModes: node.relatedFailureModes.map((m) => m.slug) };
  }
}

/** The whole framework in canonical JSON. `schemaUrl` is where the JSON Schema is published. */
export function exportFramework(framework: Framework, schemaUrl: string): FrameworkExportJson {
  const all = <T extends FrameworkNode>(list: readonly T[]) => list.map(canonicalEntity) as never;
  return {
    $schema: schemaUrl,
    format: FRAMEWORK_EXPORT_FORMAT,
    formatVersion: FRAMEWORK_EXPORT_FORMAT_VERSION,
    framework: {
      title: framework.title,
      summary: framework.summary.markdown,
      description: framework.description && framework.description.markdown,
      version: framework.version,
      contentHash: framework.contentHash,
      locale: framework.view.locale,
    },
    sources: all(framework.sources),
    dimensions: all(framework.dimensions),
    levels: all(framework.levels),
    transitions: all(framework.transitions),
    leverageMechanisms: all(framework.leverageMechanisms),
    failureModes: all(framework.failureModes),
    orgPractices: all(framework.orgPractices),
    capabilities: all(framework.capabilities),
    tensions: all(framework.tensions),
    misconceptions: all(framework.misconceptions),
    glossary: all(framework.glossary),
  };
}

/** Pretty, stable JSON text with a final newline. */
export function exportFrameworkText(framework: Framework, schemaUrl: string): string {
  return `${JSON.stringify(exportFramework(framework, schemaUrl), null, 2)}\n`;
}
