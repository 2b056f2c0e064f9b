import { html, type TemplateResult } from 'lit';
import { failureModeCardStyles } from '../failure-mode-card/failure-mode-card.styles.js';
import { markedItems, renderFailureMode, renderFailureModeLoading } from '../failure-mode-card/render-failure-mode.js';
import { FailureModeGridOperation, type FailureModeGridQuery } from '../queries/generated.js';
import { AltitudeElement, dataRequest, type DataRequest } from '../shared/altitude-element.js';
import { stateStyles } from '../shared/states.styles.js';
import { heading, interpretedLegend } from '../shared/templates.js';
import { themeStyles } from '../shared/theme.styles.js';
import { failureModeGridStyles } from './failure-mode-grid.styles.js';

/**
 * Every failure mode as a card, in a responsive grid, fetched in one request.
 * A failure mode or practice that is the framework's reading rather than its
 * sources' carries a small dagger, explained once by a line below the grid.
 *
 * @tag de-failure-mode-grid
 * @summary All the ways companies get the role wrong, side by side.
 *
 * @attr {string} endpoint - GraphQL endpoint; defaults to `<meta name="altitude-endpoint">`, then `/graphql` where the script came from.
 * @attr {"light" | "dark"} theme - Colour theme; follows the reader's system setting when absent.
 * @attr {number} heading-level - Level (1–6) of the grid's heading; cards go one deeper. Default 2.
 * @attr {string} lang - Language (BCP 47) of the content and the widget's own words, e.g. `de`; when absent, the page's, as for any element. Right-to-left languages run mirrored.
 *
 * @fires de-load - The grid has rendered.
 * @fires de-error - The widget is showing an error; `detail.message` says why.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The grid's heading.
 * @csspart grid - The list of cards.
 * @csspart card - One failure mode's card.
 * @csspart title - A card's title.
 * @csspart summary - A card's summary.
 * @csspart section-heading - The Symptoms, Consequences and What prevents it headings.
 * @csspart symptoms - A card's symptoms.
 * @csspart consequences - A card's consequences.
 * @csspart practices - A card's preventing practices.
 * @csspart interpreted - The dagger on a failure mode or practice that is the framework's reading rather than its sources'.
 * @csspart sources - A card's sources.
 * @csspart interpreted-legend - The line below the grid that explains the dagger; only when some card carries it.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 */
export class FailureModeGrid extends AltitudeElement<FailureModeGridQuery> {
  static override styles = [themeStyles, stateStyles, failureModeCardStyles, failureModeGridStyles];

  protected override readonly label = 'failure modes';

  protected override prepare(): DataRequest<FailureModeGridQuery> {
    return dataRequest(FailureModeGridOperation, {});
  }

  protected override renderLoading(): TemplateResult {
    return html`<span class="skeleton heading"></span>
      <div class="grid">${[1, 2, 3, 4].map(() => renderFailureModeLoading('card-grid'))}</div>`;
  }

  protected override renderData(data: FailureModeGridQuery): TemplateResult {
    const cardLevel = Math.min(this.headingDepth + 1, 6);
    const { t, textLocale } = this;
    return html`${heading(this.headingDepth, t('How companies get the role wrong'))}
      <ul class="grid" part="grid">
        ${data.failureModes.map((mode) => html`<li>${renderFailureMode(mode, cardLevel, t, textLocale)}</li>`)}
      </ul>
      ${interpretedLegend(data.failureModes.flatMap(markedItems), t)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'de-failure-mode-grid': FailureModeGrid;
  }
}
