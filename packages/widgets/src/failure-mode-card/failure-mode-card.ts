import type { TemplateResult } from 'lit';
import { FailureModeCardOperation, type FailureModeCardQuery } from '../queries/generated.js';
import type { Words } from '../i18n/messages.js';
import { AltitudeElement, dataRequest, slugOf, unknownSlugMessage, type DataRequest } from '../shared/altitude-element.js';
import { stateStyles } from '../shared/states.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { failureModeCardStyles } from './failure-mode-card.styles.js';
import { renderFailureMode, renderFailureModeLoading } from './render-failure-mode.js';

const MODE_PROBLEMS = [
  'Unknown failure mode "{slug}". Valid failure modes: {valid}.',
  'Set the mode attribute to a failure mode. Valid failure modes: {valid}.',
] as const;

/**
 * One way companies get the Distinguished Engineer role wrong: what it is,
 * its symptoms and consequences, the org practices that prevent it, and the
 * sources. A failure mode or practice that is the framework's reading rather
 * than its sources' carries a small dagger, explained by a line beside the
 * sources.
 *
 * @tag de-failure-mode-card
 * @summary A failure mode as a card, e.g. mode="super-coder".
 *
 * @attr {string} mode - Failure mode slug: super-coder, floating-advisor, management-substitute or title-without-the-role.
 * @attr {string} endpoint - GraphQL endpoint; defaults to `<meta name="altitude-endpoint">`, then `/graphql` where the script came from.
 * @attr {"light" | "dark"} theme - Colour theme; follows the reader's system setting when absent.
 * @attr {number} heading-level - Level (1–6) of the card's heading; section headings go one deeper. Default 2.
 * @attr {string} lang - Language (BCP 47) of the content and the widget's own words, e.g. `de`; when absent, the page's, as for any element. Right-to-left languages run mirrored.
 *
 * @fires de-load - The card has rendered.
 * @fires de-error - The widget is showing an error; `detail.message` says why.
 *
 * @csspart base - The wrapper around everything.
 * @csspart card - The card.
 * @csspart title - The failure mode's title.
 * @csspart summary - Its summary.
 * @csspart section-heading - The Symptoms, Consequences and What prevents it headings.
 * @csspart symptoms - The list of symptoms.
 * @csspart consequences - The list of consequences.
 * @csspart practices - The list of org practices that prevent it.
 * @csspart interpreted - The dagger on the failure mode or a practice when it is the framework's reading rather than its sources'.
 * @csspart sources - The sources cited.
 * @csspart interpreted-legend - The line beside the sources that explains the dagger; only when something shown carries it.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 */
export class FailureModeCard extends AltitudeElement<FailureModeCardQuery> {
  static override styles = [themeStyles, stateStyles, failureModeCardStyles];
  static override properties = {
    ...AltitudeElement.properties,
    mode: { type: String, reflect: true },
  };

  /** Failure mode slug, e.g. "super-coder". */
  declare mode: string | undefined;

  protected override readonly label = 'failure mode';

  protected override prepare(): DataRequest<FailureModeCardQuery> {
    return dataRequest(FailureModeCardOperation, { slug: slugOf(this.mode) });
  }

  protected override validate(data: FailureModeCardQuery): Words | undefined {
    return data.failureMode ? undefined : unknownSlugMessage(MODE_PROBLEMS, this.mode, data.failureModes);
  }

  protected override renderLoading(): TemplateResult {
    return renderFailureModeLoading();
  }

  protected override renderData(data: FailureModeCardQuery): TemplateResult {
    return renderFailureMode(data.failureMode!, this.headingDepth, this.t, this.textLocale, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'de-failure-mode-card': FailureModeCard;
  }
}
