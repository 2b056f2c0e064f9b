import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { ConfigError, loadConfig } from '../config/altitude-config.js';
import { renderExport, type ExportFormat } from '../exports/export-formats.js';
import { loadOrReport } from './load-or-report.js';

export interface ExportCommandOptions {
  readonly format: ExportFormat;
  readonly out?: string;
  readonly bom: boolean;
  readonly contentDir: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  readonly config?: string;
  readonly cwd: string;
}

export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:4000';

/** `altitude export`: the framework as JSON, CSV or JSON-LD, to stdout or --out. */
export async function runExport(options: ExportCommandOptions): Promise<number> {
  if (options.bom && options.format !== 'csv') {
    process.stderr.write('altitude: --bom only applies to --format csv\n');
    return 2;
  }
  const framework = await loadOrReport(options.contentDir, options.cwd, options.overlays);
  if (!framework) return 1;
  let config;
  try {
    config = await loadConfig(framework, options.cwd, options.config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`altitude: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const rendered = renderExport(options.format, framework, {
    jobProfile: config.jobProfile,
    publicUrl: config.publicUrl ?? DEFAULT_PUBLIC_URL,
    bom: options.bom,
  });
  if (!options.out) {
    process.stdout.write(rendered.body);
    return 0;
  }
  const file = path.resolve(options.cwd, options.out);
  // Atomic: an HR import watching the folder never sees half a file.
  await writeFileAtomic(file, rendered.body);
  process.stderr.write(`Wrote ${path.relative(options.cwd, file)}: ${rendered.describe}\n`);
  return 0;
}
