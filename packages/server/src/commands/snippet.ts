import { parseWidgetSpec } from '../embeds/widget-spec.js';
import { snippetHtml, snippetMarkdown } from '../embeds/snippets.js';
import { loadOrReport } from './load-or-report.js';

export interface SnippetCommandOptions {
  readonly widget: string;
  readonly slug?: string;
  readonly levels?: string;
  readonly dimensions?: string;
  readonly format: 'html' | 'md';
  readonly contentDir: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  readonly cwd: string;
}

/** `altitude snippet`: the same static HTML or Markdown as /snippet/…, on stdout. */
export async function runSnippet(options: SnippetCommandOptions): Promise<number> {
  const framework = await loadOrReport(options.contentDir, options.cwd, options.overlays);
  if (!framework) return 1;
  const params = new URLSearchParams();
  if (options.levels) params.set('levels', options.levels);
  if (options.dimensions) params.set('dimensions', options.dimensions);
  const parsed = parseWidgetSpec(options.slug ? `${options.widget}/${options.slug}` : options.widget, params, framework);
  if (!parsed.ok) {
    process.stderr.write(`altitude snippet: ${parsed.message}\n`);
    return 2;
  }
  process.stdout.write(options.format === 'md' ? snippetMarkdown(parsed.spec, framework) : snippetHtml(parsed.spec, framework));
  return 0;
}
