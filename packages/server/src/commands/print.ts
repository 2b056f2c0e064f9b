import path from 'node:path';
import type { LoadOptions } from '@altitude/schema';
import writeFileAtomic from 'write-file-atomic';
import { parsePrintRequest } from '../print/print-request.js';
import { renderPrint } from '../print/render-print.js';
import { loadOrReport } from './load-or-report.js';

export interface PrintCommandOptions {
  readonly kind: 'level' | 'compare';
  /** One slug for a level handout; the levels compared for a comparison. */
  readonly slugs: readonly string[];
  readonly lang?: string;
  readonly paper?: string;
  readonly out?: string;
  readonly contentDir: string;
  readonly overlays?: readonly string[];
  readonly localeFallbacks?: LoadOptions['localeFallbacks'];
  readonly cwd: string;
  /** Dates handouts of content that is not a release; injected by tests. */
  readonly now?: () => Date;
}

interface Output {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `altitude print level <slug>` and `altitude print compare <slug…>`: the same
 * handout as /print/…, as one self-contained HTML file (stdout, or --out
 * written atomically) to open in a browser and print.
 */
export async function runPrint(options: PrintCommandOptions, io: Output): Promise<number> {
  const framework = await loadOrReport(options.contentDir, options.cwd, options);
  if (!framework) return 1;
  const params = new URLSearchParams();
  if (options.lang !== undefined) params.set('lang', options.lang);
  if (options.paper !== undefined) params.set('paper', options.paper);
  if (options.kind === 'compare') params.set('levels', options.slugs.join(','));
  if (options.kind === 'level' && options.slugs.length !== 1) {
    io.err('altitude print: level takes one level slug, e.g. altitude print level principal\n');
    return 2;
  }
  const parsed = parsePrintRequest(options.kind === 'level' ? `level/${options.slugs[0]}` : 'compare', params, framework);
  if (!parsed.ok) {
    io.err(`altitude print: ${parsed.message}\n`);
    return 2;
  }
  if (options.lang !== undefined && parsed.locale !== options.lang)
    io.err(`altitude print: "${options.lang}" is not served; written in ${parsed.locale}, the first served locale of its fallback chain\n`);
  const { html } = renderPrint(parsed, options.now);
  if (!options.out) {
    io.out(html);
    return 0;
  }
  const file = path.resolve(options.cwd, options.out);
  await writeFileAtomic(file, html);
  io.err(`altitude print: wrote ${file}\n`);
  return 0;
}
