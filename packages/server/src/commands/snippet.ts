import type { LoadOptions } from '@altitude/schema';
import { parseWidgetSpec } from '../embeds/widget-spec.js';
import { snippetHtml, snippetMarkdown, snippetRefusal } from '../embeds/snippets.js';
import { loadOrReport } from './load-or-report.js';

export interface SnippetCommandOptions {
  readonly widget: string;
  readonly slug?: string;
  readonly levels?: string;
  readonly dimensions?: string;
  /** BCP 47 tag of the language to write it in (falls back along its chain, as the API does). */
  readonly lang?: string;
  readonly format: 'html' | 'md';
  readonly contentDir: string;
  /** Overlay folders applied on top of the content, in order. */
  readonly overlays?: readonly string[];
  /** Where each locale takes missing strings from (the config's locales.fallbacks). */
  readonly localeFallbacks?: LoadOptions['localeFallbacks'];
  readonly cwd: string;
}

/** `altitude snippet`: the same static HTML or Markdown as /snippet/…, on stdout. */
export async function runSnippet(options: SnippetCommandOptions): Promise<number> {
  const framework = await loadOrReport(options.contentDir, options.cwd, options);
  if (!framework) return 1;
  const params = new URLSearchParams();
  if (options.levels) params.set('levels', options.levels);
  if (options.dimensions) params.set('dimensions', options.dimensions);
  if (options.lang !== undefined) params.set('lang', options.lang);
  const parsed = parseWidgetSpec(options.slug ? `${options.widget}/${options.slug}` : options.widget, params, framework);
  if (!parsed.ok) {
    process.stderr.write(`altitude snippet: ${parsed.message}\n`);
    return 2;
  }
  const { spec, framework: inLocale } = parsed;
  // A tool asks its reader: it has no static form, only a script or a frame.
  const refusal = snippetRefusal(spec);
  if (refusal !== undefined) {
    process.stderr.write(`altitude snippet: ${refusal}\n`);
    return 2;
  }
  const asked = spec.attributes.lang;
  // Said on stderr, so stdout stays the snippet alone.
  if (asked !== undefined && asked !== spec.locale)
    process.stderr.write(
      `altitude snippet: "${asked}" is not served; written in ${spec.locale}, the first served locale of its fallback chain\n`,
    );
  process.stdout.write(options.format === 'md' ? snippetMarkdown(spec, inLocale) : snippetHtml(spec, inLocale));
  return 0;
}
