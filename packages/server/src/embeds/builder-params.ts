import type { Framework } from '@altitude/schema';
import { parseWidgetSpec, type SpecResult } from './widget-spec.js';

/**
 * The embed builder's form fields (widget, levels, dimensions, level, mode,
 * target, card-href, theme, lang) as a widget spec, so the builder and the
 * embed URLs share one parser.
 */
export function specFromBuilder(params: URLSearchParams, framework: Framework): SpecResult {
  const widget = params.get('widget') ?? 'level-compare';
  const query = new URLSearchParams();
  for (const name of ['levels', 'dimensions', 'target', 'card-href', 'theme', 'lang']) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const slug = widget === 'level' ? params.get('level') : widget === 'failure-mode' ? params.get('mode') : null;
  return parseWidgetSpec(slug ? `${widget}/${slug}` : widget, query, framework);
}
