import { execFileSync } from 'node:child_process';

const INSTALL = 'apt-get install -y poppler-utils (Debian/Ubuntu; or run tests/support/ensure-poppler.sh as root)';

/** Runs a poppler tool (pdftotext, pdfinfo); a missing one fails the test with the install command, never skips it. */
export function poppler(tool: 'pdftotext' | 'pdfinfo', args: readonly string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${tool} is missing; install it with: ${INSTALL}`, { cause: error });
    throw error;
  }
}

/** How many pages a PDF file has, as pdfinfo reads it. */
export const pdfPages = (file: string): number => Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))![1]);
