import type { HrModel } from './hr-model.js';
import { slugify } from './hr-model.js';
import type { HrColumn, HrTable } from './hr-table.js';

/** 15Five's longest competency name. */
export const FIFTEEN_FIVE_COMPETENCY_MAX = 75;

/** The career-path CSV's columns, as 15Five's template has them. */
export const CAREER_PATH_COLUMNS: readonly HrColumn[] = [
  { key: 'Path', required: true, aliases: ['Career path', 'Ladder'] },
  { key: 'Job title', required: true, aliases: ['Title', 'Role', 'Job name', 'Job role'] },
  { key: 'Competency', maxLength: FIFTEEN_FIVE_COMPETENCY_MAX, aliases: ['Competency name'] },
  { key: 'Skill' },
  { key: 'Key behavior', required: true, aliases: ['Key behaviour', 'Behavior', 'Behaviour', 'Expectation'] },
];

/** The competencies CSV's columns, as 15Five's template has them. */
export const COMPETENCY_COLUMNS: readonly HrColumn[] = [
  { key: 'Competency', required: true, maxLength: FIFTEEN_FIVE_COMPETENCY_MAX, aliases: ['Competency name', 'Name', 'Title'] },
  { key: 'Competency description', aliases: ['Description'] },
  { key: 'Company wide', required: true, allowed: ['TRUE', 'FALSE'] },
  { key: 'Groups', requiredWhen: { key: 'Company wide', equals: 'FALSE' }, aliases: ['Group'] },
];

/**
 * 15Five's Career Hub imports: one career-path file per path (the ladder is
 * one path, named after the job family), its roles in rank order, one row
 * per key behaviour (a role's behaviour on one competency); and one
 * competencies file, imported first, whose competencies belong to the
 * group named after the job family (Company wide FALSE), since the ladder
 * describes engineers rather than everyone.
 */
export function fifteenFiveTables(model: HrModel): HrTable[] {
  const path = model.jobFamily;
  const careerPath: HrTable = {
    fileName: `career-path-${slugify(path)}.csv`,
    headerRows: 1,
    columns: CAREER_PATH_COLUMNS,
    rows: model.roles.flatMap((role) =>
      model.competencies.flatMap((c) =>
        c.behaviours
          .filter((b) => b.level === role.level)
          .map((b) => ({
            values: { Path: path, 'Job title': role.title, Competency: c.name, Skill: '', 'Key behavior': b.text },
            origin: c.origin,
          })),
      ),
    ),
    // 15Five keeps only the first key behaviour of a role's skill (or competency) listed twice.
    oneBehaviourPerRow: { behaviour: 'Key behavior', within: ['Path', 'Job title', 'Competency', 'Skill'] },
    samePerFile: ['Path'],
  };
  const competencies: HrTable = {
    fileName: 'competencies.csv',
    headerRows: 1,
    columns: COMPETENCY_COLUMNS,
    rows: model.competencies.map((c) => ({
      values: {
        Competency: c.name,
        'Competency description': c.summary.text,
        'Company wide': 'FALSE',
        Groups: model.jobFamily,
      },
      origin: c.origin,
    })),
    unique: ['Competency'],
  };
  return [careerPath, competencies];
}
