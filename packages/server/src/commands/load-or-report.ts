import { formatContentError, loadFramework, type Framework } from '@altitude/schema';
import { contentLoadOptions, type ContentLoadOptions } from '../content/content-store.js';

/**
 * Loads the content (with its overlays) for a command, or prints the
 * checker's messages and returns undefined. Warnings (an amendment whose
 * upstream item has moved on) are printed and do not stop the command.
 */
export async function loadOrReport(contentDir: string, cwd: string, load: ContentLoadOptions = {}): Promise<Framework | undefined> {
  const result = await loadFramework(contentDir, { ...contentLoadOptions(load), cwd });
  if (result.ok) {
    for (const warning of result.warnings) process.stderr.write(`warning: ${formatContentError(warning, cwd)}\n`);
    return result.framework;
  }
  for (const error of result.errors) process.stderr.write(`${formatContentError(error, cwd)}\n`);
  process.stderr.write(
    `altitude: the content has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; run \`altitude check\` after fixing them\n`,
  );
  return undefined;
}
