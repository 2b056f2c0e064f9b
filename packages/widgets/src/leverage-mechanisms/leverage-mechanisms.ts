import { html, type TemplateResult } from 'lit';
import { LeverageMechanismsOperation, type LeverageMechanismsQuery } from '../queries/generated.js';
import { AltitudeElement, dataRequest, type DataRequest } from '../shared/altitude-element.js';
import { stateStyles } from '../shared/states.styles.js';
import { inLang, servedLang } from '../shared/served-lang.js';
import { heading, interpretedLegend, interpretedMark, rich, sources } from '../shared/templates.js';
import { themeStyles } from '../shared/theme.styles.js';
import { leverageMechanismsStyles } from './leverage-mechanisms.styles.js';

/**
 * The ways a Distinguished Engineer creates leverage across an organisation,
 * as a list of cards with what each looks like in practice. A mechanism that
 * is the framework's reading rather than its sources' carries a small dagger,
 * explained once by a line beside the sources.
 *
 * @tag de-leverage-mechanisms
 * @summary The four leverage mechanisms as cards.
 *
 * @attr {string} endpoint - GraphQL endpoint; defaults to `<meta name="altitude-endpoint">`, then `/graphql` where the script came from.
 * @attr {"light" | "dark"} theme - Colour theme; follows the reader's system setting when absent.
 * @attr {number} heading-level - Level (1–6) of the list's heading; cards go one deeper. Default 2.
 * @attr {string} lang - Language (BCP 47) of the content and the widget's own words, e.g. `de`; when absent, the page's, as for any element. Right-to-left languages run mirrored.
 *
 * @fires de-load - The list has rendered.
 * @fires de-error - The widget is showing an error; `detail.message` says why.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The list's heading.
 * @csspart list - The list of cards.
 * @csspart card - One mechanism's card.
 * @csspart title - A card's title.
 * @csspart in-practice - What the mechanism looks like day to day.
 * @csspart interpreted - The dagger on a mechanism that is the framework's reading rather than its sources'.
 * @csspart sources - The sources cited.
 * @csspart interpreted-legend - The line beside the sources that explains the dagger; only when a mechanism carries it.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 */
export class LeverageMechanisms extends AltitudeElement<LeverageMechanismsQuery> {
  static override styles = [themeStyles, stateStyles, leverageMechanismsStyles];

  protected override readonly label = 'leverage mechanisms';

  protected override prepare(): DataRequest<LeverageMechanismsQuery> {
    return dataRequest(LeverageMechanismsOperation, {});
  }

  protected override renderLoading(): TemplateResult {
    return html`<span class="skeleton heading"></span>
      <div class="list">${[1, 2, 3, 4].map(() => html`<span class="skeleton card-tall"></span>`)}</div>
      <span class="skeleton h5"></span>`;
  }

  protected override renderData(data: LeverageMechanismsQuery): TemplateResult {
    const { t, textLocale: here } = this;
    const cardLevel = Math.min(this.headingDepth + 1, 6);
    return html`${heading(this.headingDepth, t('How Distinguished Engineers create leverage'))}
      <ul class="list" part="list">
        ${data.leverageMechanisms.map((m) => {
          const lang = (field: string) => servedLang(m, field, here);
          return html`<li>
            <article class="card" part="card" aria-label=${m.title}>
              ${heading(cardLevel, html`${inLang(m.title, lang('title'))}${interpretedMark(m.basis, t)}`, 'title')} ${rich(m.summaryDoc, lang('summary'))}
              <ul class="in-practice" part="in-practice">
                ${m.inPracticeDoc.map((p, i) => html`<li>${rich(p, lang(`inPractice[${i}]`))}</li>`)}
              </ul>
            </article>
          </li>`;
        })}
      </ul>
      ${sources(
        data.leverageMechanisms.flatMap((m) => m.sources),
        t,
      )}
      ${interpretedLegend(data.leverageMechanisms, t)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'de-leverage-mechanisms': LeverageMechanisms;
  }
}
