import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@altitude/schema';

/**
 * The directory the user typed the command in. `pnpm altitude …` runs from
 * the workspace root, but pnpm records the caller's directory in INIT_CWD;
 * paths the user gives, and paths we print, are relative to that.
 */
export function userCwd(): string {
  const viaPnpm = process.env.npm_lifecycle_event === 'altitude' && process.env.INIT_CWD;
  return viaPnpm || process.cwd();
}

/** --content, else ALTITUDE_CONTENT, else the repository's content/ folder. */
export function resolveContentDir(option: string | undefined, cwd: string): string {
  const chosen = option ?? process.env.ALTITUDE_CONTENT;
  return chosen ? path.resolve(cwd, chosen) : DEFAULT_CONTENT_DIR;
}
