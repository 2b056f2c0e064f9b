import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/messages.js';
import type { FailureModeFieldsFragment } from '../queries/generated.js';
import { inLang, servedLang } from '../shared/served-lang.js';
import { heading, interpretedLegend, interpretedMark, rich, sources } from '../shared/templates.js';

/** What of a failure mode is marked when interpreted: the mode itself and the practices that prevent it. */
export const markedItems = (mode: FailureModeFieldsFragment) => [mode, ...mode.preventedBy];

/**
 * One failure mode as a card; shared by the card and the grid so they look the
 * same. A lone card explains the dagger itself (`legend`); the grid does so
 * once for all its cards. `here` is the language in effect, against which a
 * string served in another is marked.
 */
export function renderFailureMode(
  mode: FailureModeFieldsFragment,
  headingLevel: number,
  t: Translate,
  here: string,
  legend = false,
): TemplateResult {
  const sub = Math.min(headingLevel + 1, 6);
  const titleId = `failure-mode-${mode.slug}`;
  const lang = (field: string) => servedLang(mode, field, here);
  return html`<article class="card" part="card" aria-labelledby=${titleId}>
    ${heading(headingLevel, html`${inLang(mode.title, lang('title'))}${interpretedMark(mode.basis, t)}`, 'title', 'main', titleId)}
    <div class="summary" part="summary">${rich(mode.summaryDoc, lang('summary'))}</div>
    ${heading(sub, t('Symptoms'), 'section-heading', 'section')}
    <ul class="list" part="symptoms">
      ${mode.symptomsDoc.map((s, i) => html`<li>${rich(s, lang(`symptoms[${i}]`))}</li>`)}
    </ul>
    ${heading(sub, t('Consequences'), 'section-heading', 'section')}
    <ul class="list" part="consequences">
      ${mode.consequencesDoc.map((c, i) => html`<li>${rich(c, lang(`consequences[${i}]`))}</li>`)}
    </ul>
    ${heading(sub, t('What prevents it'), 'section-heading', 'section')}
    <ul class="list" part="practices">
      ${mode.preventedBy.map(
        (p) =>
          html`<li>
            <span class="practice-name" lang=${servedLang(p, 'title', here)}>${p.title}</span>${interpretedMark(p.basis, t)}${rich(
              p.summaryDoc,
              servedLang(p, 'summary', here),
            )}
          </li>`,
      )}
    </ul>
    ${sources(mode.sources, t)} ${legend ? interpretedLegend(markedItems(mode), t) : nothing}
  </article>`;
}

export function renderFailureModeLoading(size: 'card-tall' | 'card-grid' = 'card-tall'): TemplateResult {
  return html`<span class="skeleton ${size}"></span>`;
}
