import { formatViolation } from './hr-rules.js';
import { HR_SUITE_RULES, type HrSuiteExport } from './hr-suites.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The dry-run report of `altitude export --check`: what would be written,
 * the rules each file was held to, and every problem with where it is and
 * which item it comes from. Written for the HR admin who runs the import.
 */
export function checkReport(result: HrSuiteExport, cwd: string): string {
  const lines = [
    `Checking ${result.format === 'template' ? 'your filled template' : `the ${result.suite} import`} (dry run: nothing is written).`,
    '',
  ];
  const width = Math.max(...result.files.map((f) => f.name.length));
  for (const file of result.files) {
    const problems = result.violations.filter((v) => v.file === file.name).length;
    const unit = file.name.endsWith('.xml') ? 'request' : 'row';
    lines.push(
      `  ${problems ? '✗' : '✓'} ${file.name.padEnd(width)}  ${plural(file.records, unit)}${problems ? `, ${plural(problems, 'problem')}` : ''}`,
    );
  }
  if (result.unknownColumns?.length)
    lines.push('', `Left empty (Altitude has nothing for these columns of your template): ${result.unknownColumns.join(', ')}`);
  if (result.droppedRows) lines.push(`Not copied: ${plural(result.droppedRows, 'data row')} the template came with.`);
  lines.push('', 'Rules checked:', ...HR_SUITE_RULES[result.format].map((r) => `  - ${r}`), '');
  if (result.violations.length === 0) {
    const files = result.files.length === 1 ? 'this file as it is' : `these ${result.files.length} files as they are`;
    lines.push(`No problems: ${result.format === 'template' ? 'your HR system' : result.suite} should accept ${files}.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${plural(result.violations.length, 'problem')}:`);
  const shown = result.violations.slice(0, 200);
  for (const v of shown) lines.push(`  ${formatViolation(v, cwd)}`);
  if (result.violations.length > shown.length) lines.push(`  … and ${result.violations.length - shown.length} more`);
  lines.push('', 'Fix these in the content or your overlay (the item named after "from"), then run the check again.');
  return `${lines.join('\n')}\n`;
}
