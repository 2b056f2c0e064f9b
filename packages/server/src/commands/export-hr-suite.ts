import { mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Framework, JobProfileOptions } from '@altitude/schema';
import writeFileAtomic from 'write-file-atomic';
import { checkReport } from '../exports/hr-suites/check-report.js';
import { formatViolation } from '../exports/hr-suites/hr-rules.js';
import { fillHrTemplate, renderHrSuite, type HrSuiteExport, type HrSuiteFormat } from '../exports/hr-suites/hr-suites.js';
import { TEMPLATE_LIMITS, TemplateError } from '../exports/hr-suites/hr-template.js';

export interface HrSuiteCommandOptions {
  /** Undefined with a template of a suite Altitude has no format for (Culture Amp, HiBob, a Workday EIB). */
  readonly format: HrSuiteFormat | undefined;
  readonly template?: string | undefined;
  readonly check: boolean;
  readonly out?: string | undefined;
  readonly cwd: string;
}

const say = (text: string) => process.stderr.write(`altitude: ${text}\n`);
/** A path as the user would type it: relative when under the working directory, absolute otherwise. */
const shown = (cwd: string, file: string) => {
  const relative = path.relative(cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
};

/** The template's bytes, refused before reading when it is not a plain file or larger than a template can be. */
async function readTemplateFile(file: string): Promise<Buffer> {
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new TemplateError(`--template ${path.basename(file)} does not exist`);
  if (!info.isFile()) throw new TemplateError(`--template ${path.basename(file)} is not a file`);
  if (info.size > TEMPLATE_LIMITS.bytes)
    throw new TemplateError(
      `${path.basename(file)} is ${info.size} bytes; a template is at most ${TEMPLATE_LIMITS.bytes} (1 MiB): its header and a few rows`,
    );
  // Read at most one byte over the limit: the file may have grown since stat.
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(TEMPLATE_LIMITS.bytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * `altitude export --format 15five|sap-jpb|workday` and `--template FILE`:
 * the suite's files, checked against its documented rules before anything
 * is written. `--check` prints the dry-run report instead (exit 1 on a
 * problem). A suite of several files goes to a folder (`--out DIR`); a
 * filled template is one file (`--out FILE` or stdout).
 */
export async function runHrSuiteExport(
  framework: Framework,
  jobProfile: JobProfileOptions,
  options: HrSuiteCommandOptions,
): Promise<number> {
  let result: HrSuiteExport;
  try {
    result = options.template
      ? fillHrTemplate(options.format ?? 'template', framework, jobProfile, {
          bytes: await readTemplateFile(path.resolve(options.cwd, options.template)),
          fileName: options.template,
        })
      : renderHrSuite(options.format!, framework, jobProfile);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    say(`--template: ${error.message}`);
    return 2;
  }
  if (options.check) {
    process.stdout.write(checkReport(result, options.cwd));
    return result.violations.length ? 1 : 0;
  }
  if (result.violations.length) {
    say(`the ${result.suite} files break ${result.violations.length === 1 ? 'a rule' : 'rules'} the suite documents; nothing was written:`);
    for (const v of result.violations.slice(0, 50)) process.stderr.write(`  ${formatViolation(v, options.cwd)}\n`);
    if (result.violations.length > 50)
      process.stderr.write(`  … and ${result.violations.length - 50} more (altitude export --check lists them all)\n`);
    return 1;
  }
  if (result.unknownColumns?.length) say(`left empty, as Altitude has nothing for them: ${result.unknownColumns.join(', ')}`);
  if (result.droppedRows) say(`the template's ${result.droppedRows} data rows were not copied; Altitude's rows replace them`);
  if (result.files.length === 1 && options.template) {
    const [file] = result.files;
    if (!options.out) {
      process.stdout.write(file!.body);
      return 0;
    }
    const target = path.resolve(options.cwd, options.out);
    await writeFileAtomic(target, file!.body);
    process.stderr.write(`Wrote ${shown(options.cwd, target)}: ${result.describe}\n`);
    return 0;
  }
  if (!options.out) {
    say(`--format ${result.format} writes ${result.files.length} files: name a folder with --out DIR`);
    return 2;
  }
  const dir = path.resolve(options.cwd, options.out);
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    say(`--out ${options.out} is a file; --format ${result.format} writes a folder of ${result.files.length} files`);
    return 2;
  }
  await mkdir(dir, { recursive: true });
  // Each file atomically: an import watching the folder never sees half a file.
  for (const file of result.files) await writeFileAtomic(path.join(dir, file.name), file.body);
  process.stderr.write(`Wrote ${shown(options.cwd, dir)}/: ${result.describe}\n${result.files.map((f) => `  ${f.name}\n`).join('')}`);
  return 0;
}
