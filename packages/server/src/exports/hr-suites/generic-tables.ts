import type { HrModel } from './hr-model.js';
import type { HrColumn, HrTable } from './hr-table.js';

/**
 * What Altitude can fill in a template whose headers no vendor publishes
 * (Culture Amp's competency template, HiBob's job-role template, a Workday
 * EIB spreadsheet): a competency per row, with a column per level for its
 * behaviour there; and a job role per row. Each column answers to the
 * headers such templates use, compared without case, spaces or punctuation.
 */
export function genericTables(model: HrModel): HrTable[] {
  const levelColumns: HrColumn[] = model.roles.map((r) => ({
    key: r.title,
    aliases: [
      r.level.slug,
      r.jobCode,
      `Level ${r.rating}`,
      `Level ${r.rating} description`,
      `Level ${r.rating} behaviour`,
      `Level ${r.rating} behavior`,
    ],
  }));
  const competencies: HrTable = {
    fileName: 'competencies.csv',
    headerRows: 1,
    columns: [
      { key: 'Competency', required: true, aliases: ['Competency name', 'Name', 'Title', 'Competency title'] },
      { key: 'Description', aliases: ['Competency description', 'Summary', 'Definition'] },
      { key: 'Competency ID', aliases: ['ID', 'Code', 'External ID', 'externalCode', 'Competency code', 'Reference ID'] },
      { key: 'Category', aliases: ['Type', 'Group', 'Competency group', 'Competency type', 'Cluster'] },
      ...levelColumns,
    ],
    rows: model.competencies.map((c) => ({
      values: {
        Competency: c.name,
        Description: c.summary.text,
        'Competency ID': c.id,
        Category: { dimension: 'Dimension', capability: 'Capability', mechanism: 'Leverage mechanism' }[c.kind],
        ...Object.fromEntries(model.roles.map((r) => [r.title, c.behaviours.find((b) => b.level === r.level)?.text ?? ''])),
      },
      origin: c.origin,
    })),
    unique: ['Competency ID'],
  };
  const roles: HrTable = {
    fileName: 'job-roles.csv',
    headerRows: 1,
    columns: [
      {
        key: 'Job title',
        required: true,
        aliases: ['Job name', 'Title', 'Job role', 'Role', 'Role name', 'Job profile', 'Job profile name'],
      },
      { key: 'Job code', aliases: ['Code', 'ID', 'Job ID', 'Job profile code', 'Reference ID', 'Job profile ID'] },
      { key: 'Job family', aliases: ['Family', 'Job function', 'Function', 'Department'] },
      { key: 'Job level', aliases: ['Level', 'Rank', 'Grade'] },
      { key: 'Summary', aliases: ['Job summary', 'Job profile summary', 'Short description'] },
      { key: 'Description', aliases: ['Job description', 'Responsibilities'] },
    ],
    rows: model.roles.map((r) => ({
      values: {
        'Job title': r.title,
        'Job code': r.jobCode,
        'Job family': model.jobFamily,
        'Job level': String(r.rating),
        Summary: r.level.summary.text,
        Description: r.level.description.text,
      },
      origin: r.origin,
    })),
    unique: ['Job code'],
  };
  return [competencies, roles];
}
