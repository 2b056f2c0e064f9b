import { html, nothing, type TemplateResult } from 'lit';
import type { FailureModeFieldsFragment } from '../queries/generated.js';
import { heading, interpretedLegend, interpretedMark, rich, sources } from '../shared/templates.js';

/** What of a failure mode is marked when interpreted: the mode itself and the practices that prevent it. */
export const markedItems = (mode: FailureModeFieldsFragment) => [mode, ...mode.preventedBy];

/**
 * One failure mode as a card; shared by the card and the grid so they look the
 * same. A lone card explains the dagger itself (`legend`); the grid does so
 * once for all its cards.
 */
export function renderFailureMode(mode: FailureModeFieldsFragment, headingLevel: number, legend = false): TemplateResult {
  const sub = Math.min(headingLevel + 1, 6);
  const titleId = `failure-mode-${mode.slug}`;
  return html`<article class="card" part="card" aria-labelledby=${titleId}>
    ${heading(headingLevel, html`${mode.title}${interpretedMark(mode.basis)}`, 'title', 'main', titleId)}
    <div class="summary" part="summary">${rich(mode.summary)}</div>
    ${heading(sub, 'Symptoms', 'section-heading', 'section')}
    <ul class="list" part="symptoms">
      ${mode.symptoms.map((s) => html`<li>${rich(s)}</li>`)}
    </ul>
    ${heading(sub, 'Consequences', 'section-heading', 'section')}
    <ul class="list" part="consequences">
      ${mode.consequences.map((c) => html`<li>${rich(c)}</li>`)}
    </ul>
    ${heading(sub, 'What prevents it', 'section-heading', 'section')}
    <ul class="list" part="practices">
      ${mode.preventedBy.map((p) => html`<li><span class="practice-name">${p.title}</span>${interpretedMark(p.basis)}${rich(p.summary)}</li>`)}
    </ul>
    ${sources(mode.sources)} ${legend ? interpretedLegend(markedItems(mode)) : nothing}
  </article>`;
}

export function renderFailureModeLoading(size: 'card-tall' | 'card-grid' = 'card-tall'): TemplateResult {
  return html`<span class="skeleton ${size}"></span>`;
}
