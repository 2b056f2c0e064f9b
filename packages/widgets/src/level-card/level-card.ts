import { html, nothing, type TemplateResult } from 'lit';
import { LevelCardOperation, type LevelCardQuery } from '../queries/generated.js';
import type { Words } from '../i18n/messages.js';
import { AltitudeElement, dataRequest, slugOf, unknownSlugMessage, type DataRequest } from '../shared/altitude-element.js';
import { stateStyles } from '../shared/states.styles.js';
import { inLang, servedLang } from '../shared/served-lang.js';
import { heading, interpretedLegend, interpretedMark, rich, sources } from '../shared/templates.js';
import { themeStyles } from '../shared/theme.styles.js';
import { levelCardStyles } from './level-card.styles.js';

type Level = NonNullable<LevelCardQuery['level']>;

const LEVEL_PROBLEMS = [
  'Unknown level "{slug}". Valid levels: {valid}.',
  'Set the level attribute to a level. Valid levels: {valid}.',
] as const;

/**
 * One level: its summary, what it expects on every dimension, the signs of
 * operating below it, and the steps into and out of it. Anything that is the
 * framework's reading rather than its sources' carries a small dagger,
 * explained once by a line beside the sources.
 *
 * @tag de-level-card
 * @summary One level of the ladder, e.g. level="distinguished".
 *
 * @attr {string} level - Level slug: staff, principal or distinguished.
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
 * @csspart title - The level's title.
 * @csspart summary - Its summary.
 * @csspart expectations - The list of expectations, one per dimension.
 * @csspart section-heading - The section headings.
 * @csspart signals-below - The signs, for a self-check, of operating below the level.
 * @csspart transitions - The steps into and out of the level.
 * @csspart interpreted - The dagger on an expectation, sign or step that is the framework's reading rather than its sources'.
 * @csspart sources - The sources cited.
 * @csspart interpreted-legend - The line beside the sources that explains the dagger; only when something shown carries it.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 */
export class LevelCard extends AltitudeElement<LevelCardQuery> {
  static override styles = [themeStyles, stateStyles, levelCardStyles];
  static override properties = {
    ...AltitudeElement.properties,
    level: { type: String, reflect: true },
  };

  /** Level slug, e.g. "distinguished". */
  declare level: string | undefined;

  protected override readonly label = 'level';

  protected override prepare(): DataRequest<LevelCardQuery> {
    return dataRequest(LevelCardOperation, { slug: slugOf(this.level) });
  }

  protected override validate(data: LevelCardQuery): Words | undefined {
    return data.level ? undefined : unknownSlugMessage(LEVEL_PROBLEMS, this.level, data.levels);
  }

  protected override renderLoading(): TemplateResult {
    // Title and summary; the section heading and one expectation per dimension (8 in the framework);
    // the signs of operating below the level, the steps in and out, the sources.
    return html`<span class="skeleton heading"></span><span class="skeleton h5"></span><span class="skeleton heading"></span>${Array.from(
      { length: 8 },
      () => html`<span class="skeleton h5"></span>`,
    )}<span class="skeleton signals"></span><span class="skeleton h8"></span><span class="skeleton h5"></span>`;
  }

  protected override renderData(data: LevelCardQuery): TemplateResult {
    const level = data.level!;
    const { t, textLocale: here } = this;
    // Null only with an error for a bad dimensions filter, which this query never sends.
    const expectations = level.expectations ?? [];
    const sub = Math.min(this.headingDepth + 1, 6);
    const lang = (field: string) => servedLang(level, field, here);
    return html`<article class="card" part="card" aria-labelledby="level-title">
      ${heading(this.headingDepth, html`${inLang(level.title, lang('title'))}${interpretedMark(level.basis, t)}`, 'title', 'main', 'level-title')}
      <div class="summary" part="summary">${rich(level.summaryDoc, lang('summary'))}</div>
      ${heading(sub, t('What the level expects'), 'section-heading', 'section')}
      <dl part="expectations">
        ${expectations.map(
          (e) =>
            html`<dt lang=${servedLang(e.dimension, 'title', here)}>${e.dimension.title}</dt>
              <dd>
                <span class="headline"
                  >${inLang(e.headline, lang(`expectations.${e.dimension.slug}.headline`))}${interpretedMark(e.basis, t)}</span
                >${rich(e.textDoc, lang(`expectations.${e.dimension.slug}.text`))}
              </dd>`,
        )}
      </dl>
      ${this.#signalsBelow(level, sub)} ${this.#transitions(level, sub)} ${sources(level.sources, t)}
      ${interpretedLegend([level, ...expectations, ...level.signalsBelow, ...level.transitionsIn, ...level.transitionsOut], t)}
    </article>`;
  }

  #signalsBelow(level: Level, sub: number): TemplateResult | typeof nothing {
    if (level.signalsBelow.length === 0) return nothing;
    const { t, textLocale: here } = this;
    return html`${heading(sub, t('Signs of operating below this level'), 'section-heading', 'section')}
      <ul class="signals" part="signals-below">
        ${level.signalsBelow.map(
          (s, i) => html`<li>${rich(s.textDoc, servedLang(level, `signalsBelow[${i}].text`, here))}${interpretedMark(s.basis, t)}</li>`,
        )}
      </ul>`;
  }

  #transitions(level: Level, sub: number): TemplateResult | typeof nothing {
    const { t, textLocale: here } = this;
    const steps = [
      ...level.transitionsIn.map((tr) => ({ name: t('From {level}', { level: tr.from.title }), transition: tr })),
      ...level.transitionsOut.map((tr) => ({ name: t('On to {level}', { level: tr.to.title }), transition: tr })),
    ];
    if (steps.length === 0) return nothing;
    return html`${heading(sub, t('Steps in and out'), 'section-heading', 'section')}
      <ul class="transitions" part="transitions">
        ${steps.map(
          (s) =>
            html`<li>
              <span class="transition-name">${s.name}</span>${interpretedMark(s.transition.basis, t)}${rich(
                s.transition.summaryDoc,
                servedLang(s.transition, 'summary', here),
              )}
            </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'de-level-card': LevelCard;
  }
}
