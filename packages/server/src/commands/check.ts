import path from 'node:path';
import { collectionNames, formatContentError, loadFramework, type CollectionName, type Framework } from '@altitude/schema';

const LABEL: Record<CollectionName, [string, string]> = {
  sources: ['source', 'sources'],
  dimensions: ['dimension', 'dimensions'],
  levels: ['level', 'levels'],
  transitions: ['transition', 'transitions'],
  leverageMechanisms: ['leverage mechanism', 'leverage mechanisms'],
  failureModes: ['failure mode', 'failure modes'],
  orgPractices: ['org practice', 'org practices'],
  capabilities: ['capability', 'capabilities'],
  tensions: ['tension', 'tensions'],
  misconceptions: ['misconception', 'misconceptions'],
  glossary: ['glossary term', 'glossary terms'],
};

export function summarise(framework: Framework): string {
  const counts = collectionNames.map((name) => {
    const n = framework[name].length;
    const [one, many] = LABEL[name];
    return `${n} ${n === 1 ? one : many}`;
  });
  return `${counts.join(', ')} (${framework.files.length} files, version ${framework.version}, ${framework.contentHash.slice(0, 19)}…)`;
}

/**
 * `altitude check`: exit 0 with one summary line, or 1 with every error.
 * Warnings (amendments whose upstream item has moved on) are printed and
 * fail the check only with `strict`.
 */
export async function runCheck(
  contentDir: string,
  cwd: string,
  io: { out: (s: string) => void; err: (s: string) => void },
  options: { readonly overlays?: readonly string[]; readonly strict?: boolean } = {},
): Promise<number> {
  const result = await loadFramework(contentDir, { cwd, overlays: options.overlays });
  if (result.ok) {
    for (const warning of result.warnings) io.err(`${options.strict ? '' : 'warning: '}${formatContentError(warning, cwd)}\n`);
    const overlays = result.framework.overlays.length
      ? ` with overlay${result.framework.overlays.length === 1 ? '' : 's'} ${result.framework.overlays.map((o) => o.name).join(', ')} on upstream ${result.framework.upstream!.version}`
      : '';
    if (options.strict && result.warnings.length > 0) {
      io.err(`\n${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}, which --strict makes errors\n`);
      return 1;
    }
    io.out(
      `content OK${overlays}: ${summarise(result.framework)}${result.warnings.length ? `; ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}\n`,
    );
    return 0;
  }
  for (const error of result.errors) io.err(`${formatContentError(error, cwd)}\n`);
  const files = new Set(result.errors.map((e) => e.file)).size;
  io.err(
    `\n${result.errors.length} error${result.errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} under ${path.relative(cwd, contentDir) || '.'}\n`,
  );
  return 1;
}
