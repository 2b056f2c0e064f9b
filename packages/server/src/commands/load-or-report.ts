import { formatContentError, loadFramework, type Framework } from '@altitude/schema';

/** Loads the content for a command, or prints the checker's messages and returns undefined. */
export async function loadOrReport(contentDir: string, cwd: string): Promise<Framework | undefined> {
  const result = await loadFramework(contentDir, { cwd });
  if (result.ok) return result.framework;
  for (const error of result.errors) process.stderr.write(`${formatContentError(error, cwd)}\n`);
  process.stderr.write(
    `altitude: the content has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; run \`altitude check\` after fixing them\n`,
  );
  return undefined;
}
