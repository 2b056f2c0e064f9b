import { localeColumnSuffix, type Framework, type JobProfileOptions } from '@altitude/schema';
import { hrModel, slugify, type HrCompetency, type HrModel } from './hr-model.js';
import type { HrViolation } from './hr-rules.js';
import type { HrColumn, HrRow, HrTable } from './hr-table.js';
import { hrHtml, hrHtmlList } from './rich-html.js';

/** Job Profile Builder's limits on a competency, as SAP documents them. */
export const SAP_LIMITS = { externalCode: 128, name: 2048, description: 4000 } as const;

/**
 * The keys no public SAP page we could read lists: the role's family, the
 * job code of a role, and a competency's library and category. They follow
 * the documented keys' pattern; docs/hr-systems.md says so, and a
 * customer's own template (--template) replaces them with the tenant's.
 */
export const SAP_UNCONFIRMED_KEYS = ['family.externalCode', 'jobCodeMappings.jobCode', 'library.defaultValue', 'category.defaultValue'];

const OPERATOR: HrColumn = { key: '[OPERATOR]', label: 'Supported operators: Delimit, Clear and Delete', aliases: ['OPERATOR'] };

/** SAP's label for a locale column: documented for US English; the English name of the language otherwise. */
function localeLabel(suffix: string): string {
  if (suffix === 'en_US') return 'US English';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(suffix.replace('_', '-')) ?? suffix;
  } catch {
    return suffix;
  }
}

/** A translatable field: `<field>.defaultValue` (the export's locale), then one `<field>.<sap locale>` per declared locale. */
function translatable(field: string, suffixes: readonly string[], rules: Partial<HrColumn> = {}, required = false): HrColumn[] {
  return [
    { key: `${field}.defaultValue`, label: 'Default Value', required, ...rules },
    ...suffixes.map((s) => ({ key: `${field}.${s}`, label: localeLabel(s), ...rules })),
  ];
}

/** `{ "name.defaultValue": …, "name.de_DE": … }` from the same item in each locale. */
function translations<T>(field: string, suffixes: readonly string[], inDefault: T, inLocales: readonly T[], text: (item: T) => string) {
  return Object.fromEntries([
    [`${field}.defaultValue`, text(inDefault)],
    ...suffixes.map((s, i) => [`${field}.${s}`, text(inLocales[i] as T)]),
  ]) as Record<string, string>;
}

/** A competency's description: what it is, then what each level does, in JPB's HTML subset. */
function competencyDescription(c: HrCompetency): string {
  return `${hrHtml(c.summary)}${hrHtml(c.description)}${hrHtmlList(c.behaviours.map((b) => ({ lead: b.level.title, text: b.text })))}`;
}

export interface SapOptions {
  readonly jobProfile: JobProfileOptions;
  /** The framework in each declared locale, one column each (generated pseudo-locales are left out). */
  readonly locales: readonly Framework[];
}

/** The declared locales SAP gets a column for: every locale served except the generated pseudo-locales. */
export function sapLocales(framework: Framework): Framework[] {
  return framework.locales.filter((l) => !l.generated).map((l) => framework.translations.get(l.tag)!);
}

/**
 * The MDF CSVs that Manage Job Profile Content Import/Export reads, in the
 * order they import: the job family, a role per level, each role's job
 * code, the competencies, and each role's competencies with the expected
 * level as the rating (1 for the lowest level, counting up). Two header
 * rows each, keys then labels, as SAP's templates have them.
 */
export function sapJpbTables(model: HrModel, options: SapOptions): HrTable[] {
  const suffixes = options.locales.map((f) => localeColumnSuffix(f.view.locale));
  const localised = options.locales.map((f) => (f === model.framework ? model : hrModel(f, options.jobProfile)));
  const familyCode = `family-${slugify(model.jobFamily)}`;
  const frameworkOrigin = {
    item: `the job family "${model.jobFamily}"`,
    location: { file: model.framework.headerFile, line: 1, column: 1 },
  };

  const family: HrTable = {
    fileName: 'Family.csv',
    headerRows: 2,
    columns: [OPERATOR, { key: 'externalCode', label: 'GUID', required: true }, ...translatable('name', suffixes, {}, true)],
    rows: [
      {
        values: {
          externalCode: familyCode,
          ...translations(
            'name',
            suffixes,
            model.jobFamily,
            suffixes.map(() => model.jobFamily),
            (x) => x,
          ),
        },
        origin: frameworkOrigin,
      },
    ],
    unique: ['externalCode'],
  };

  const roleIn = (m: HrModel, slug: string) => m.roles.find((r) => r.level.slug === slug)!;
  const role: HrTable = {
    fileName: 'Role.csv',
    headerRows: 2,
    columns: [
      OPERATOR,
      { key: 'externalCode', label: 'GUID', required: true, aliases: ['Job code'] },
      ...translatable('name', suffixes, { aliases: ['Job title', 'Title'] }, true),
      { key: 'family.externalCode', label: 'Family.GUID', aliases: ['family', 'Job family'] },
    ],
    rows: model.roles.map((r) => ({
      values: {
        externalCode: r.jobCode,
        ...translations(
          'name',
          suffixes,
          r,
          localised.map((m) => roleIn(m, r.level.slug)),
          (x) => x.title,
        ),
        'family.externalCode': familyCode,
      },
      origin: r.origin,
    })),
    unique: ['externalCode'],
  };

  const roleJobCodes: HrTable = {
    fileName: 'Role-Job Codes.csv',
    headerRows: 2,
    columns: [
      OPERATOR,
      { key: 'externalCode', label: 'Role.GUID', required: true },
      { key: 'jobCodeMappings.jobCode', label: 'Job Code', required: true, aliases: ['Job code'] },
    ],
    rows: model.roles.map((r) => ({ values: { externalCode: r.jobCode, 'jobCodeMappings.jobCode': r.jobCode }, origin: r.origin })),
  };

  const competencyIn = (m: HrModel, id: string) => m.competencies.find((c) => c.id === id)!;
  const competency: HrTable = {
    fileName: 'Competency.csv',
    headerRows: 2,
    columns: [
      OPERATOR,
      { key: 'externalCode', label: 'GUID', required: true, maxLength: SAP_LIMITS.externalCode },
      ...translatable('name', suffixes, { maxLength: SAP_LIMITS.name, aliases: ['Competency', 'Competency name'] }, true),
      ...translatable('description', suffixes, { maxLength: SAP_LIMITS.description, html: true, aliases: ['Competency description'] }),
      { key: 'library.defaultValue', label: 'Default Value', aliases: ['library', 'Competency library'] },
      { key: 'category.defaultValue', label: 'Default Value', aliases: ['category', 'Competency category'] },
    ],
    rows: model.competencies.map((c) => {
      const others = localised.map((m) => competencyIn(m, c.id));
      return {
        values: {
          externalCode: c.id,
          ...translations('name', suffixes, c, others, (x) => x.name),
          ...translations('description', suffixes, c, others, competencyDescription),
          'library.defaultValue': model.framework.title,
          'category.defaultValue': { dimension: 'Dimension', capability: 'Capability', mechanism: 'Leverage mechanism' }[c.kind],
        },
        origin: c.origin,
      } satisfies HrRow;
    }),
    unique: ['externalCode'],
  };

  const mapped: HrTable = {
    fileName: 'Role-Mapped Competencies.csv',
    headerRows: 2,
    columns: [
      OPERATOR,
      { key: 'externalCode', label: 'Role.GUID', required: true },
      {
        key: 'roleCompetencyMappings.competency.externalCode',
        label: 'Competency.GUID',
        required: true,
        maxLength: SAP_LIMITS.externalCode,
      },
      {
        key: 'roleCompetencyMappings.rating.defaultValue',
        label: 'Default Value',
        required: true,
        allowed: model.roles.map((r) => String(r.rating)),
      },
      {
        key: 'roleCompetencyMappings.status',
        label: 'Status(Valid Values : A/I A for Active I for InActive )',
        required: true,
        allowed: ['A', 'I'],
      },
    ],
    // A role maps the competencies its level has a behaviour on, at the level's own rating.
    rows: model.roles.flatMap((r) =>
      model.competencies
        .filter((c) => c.behaviours.some((b) => b.level === r.level))
        .map((c) => ({
          values: {
            externalCode: r.jobCode,
            'roleCompetencyMappings.competency.externalCode': c.id,
            'roleCompetencyMappings.rating.defaultValue': String(r.rating),
            'roleCompetencyMappings.status': 'A',
          },
          origin: c.origin,
        })),
    ),
    unique: [],
  };
  return [family, role, roleJobCodes, competency, mapped];
}

/**
 * Declared locales SAP gives one column (zh and zh-Hans are both zh_CN, pt
 * and pt-BR both pt_BR): one locale's text would replace the other's. Each
 * file with that column gets a problem naming both, so the export is
 * refused rather than written with a column fewer than the locales declared.
 */
export function sapLocaleClashes(tables: readonly HrTable[], locales: readonly Framework[]): HrViolation[] {
  const bySuffix = new Map<string, Framework[]>();
  for (const f of locales) {
    const suffix = localeColumnSuffix(f.view.locale);
    bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), f]);
  }
  const violations: HrViolation[] = [];
  for (const [suffix, same] of bySuffix) {
    if (same.length < 2) continue;
    const tags = same.map((f) => f.view.locale);
    for (const table of tables) {
      const index = table.columns.findIndex((c) => c.key.endsWith(`.${suffix}`));
      if (index < 0) continue;
      violations.push({
        file: table.fileName,
        line: 1,
        column: index + 1,
        field: table.columns[index]!.key,
        message: `would hold both ${tags.join(' and ')}: SAP names each of them ${suffix}, so one would overwrite the other; declare only one of these locales for an SAP export`,
        origin: { item: `the ${tags[1]} translation`, location: { file: same[1]!.headerFile, line: 1, column: 1 } },
      });
    }
  }
  return violations;
}
