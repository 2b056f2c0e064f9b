import { html, type TemplateResult } from 'lit';
import type { FailureModeFieldsFragment } from '../queries/generated.js';
import { heading, rich, sources } from '../shared/templates.js';

/** One failure mode as a card; shared by the card and the grid so they look the same. */
export function renderFailureMode(mode: FailureModeFieldsFragment, headingLevel: number): TemplateResult {
  const sub = Math.min(headingLevel + 1, 6);
  const titleId = `failure-mode-${mode.slug}`;
  return html`<article class="card" part="card" aria-labelledby=${titleId}>
    ${heading(headingLevel, mode.title, 'title', 'main', titleId)}
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
      ${mode.preventedBy.map((p) => html`<li><span class="practice-name">${p.title}</span>${rich(p.summary)}</li>`)}
    </ul>
    ${sources(mode.sources)}
  </article>`;
}

export function renderFailureModeLoading(size: 'card-tall' | 'card-grid' = 'card-tall'): TemplateResult {
  return html`<span class="skeleton ${size}"></span>`;
}
