import { html, nothing, type TemplateResult } from 'lit';
import { LevelComparisonOperation, type LevelComparisonQuery } from '../queries/generated.js';
import { words, type Words } from '../i18n/messages.js';
import { listOf } from '../i18n/locale.js';
import { AltitudeElement, dataRequest, slugList, type DataRequest } from '../shared/altitude-element.js';
import { stateStyles } from '../shared/states.styles.js';
import { inLang, servedLang } from '../shared/served-lang.js';
import { heading, interpretedLegend, interpretedMark, rich, sources } from '../shared/templates.js';
import { themeStyles } from '../shared/theme.styles.js';
import { levelCompareStyles } from './level-compare.styles.js';

type Comparison = NonNullable<LevelComparisonQuery['compareLevels']>;
type Row = Comparison['rows'][number];

/**
 * Levels side by side: one column per level, one row per dimension. Each cell
 * leads with a short headline, so reading a row shows the step from one level
 * to the next; below the table, the transitions between the compared levels
 * and the sources. A cell or transition that is the framework's reading
 * rather than its sources' carries a small dagger, explained once by a line
 * beside the sources. In containers narrower than about 600px it becomes one
 * card per dimension.
 *
 * @tag de-level-compare
 * @summary Compare Staff, Principal and Distinguished (or any two or more levels).
 *
 * @attr {string} levels - Level slugs, space- or comma-separated, in column order. At least two.
 * @attr {string} dimensions - Optional dimension slugs to show; rows keep the framework's order.
 * @attr {string} endpoint - GraphQL endpoint; defaults to `<meta name="altitude-endpoint">`, then `/graphql` where the script came from.
 * @attr {"light" | "dark"} theme - Colour theme; follows the reader's system setting when absent.
 * @attr {number} heading-level - Level (1–6) of the main heading; sub-headings go one deeper. Default 2.
 * @attr {string} lang - Language (BCP 47) of the content and the widget's own words, e.g. `de`; when absent, the page's, as for any element. Right-to-left languages run mirrored.
 *
 * @fires de-load - The comparison has rendered.
 * @fires de-error - The widget is showing an error; `detail.message` says why.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The main heading.
 * @csspart table - The comparison table (wide layout).
 * @csspart column-header - A column header: the dimension column's, then one per level.
 * @csspart corner - The header of the dimension column.
 * @csspart row-header - A dimension's row header.
 * @csspart cell - One level's expectation on one dimension.
 * @csspart headline - The short headline that leads each cell.
 * @csspart card - One dimension's card (narrow layout).
 * @csspart card-heading - A dimension card's heading (narrow layout).
 * @csspart transitions-heading - The heading above the transitions.
 * @csspart transitions - The list of transitions between the compared levels.
 * @csspart transition - One transition.
 * @csspart interpreted - The dagger on a cell or transition that is the framework's reading rather than its sources'.
 * @csspart sources - The sources cited.
 * @csspart interpreted-legend - The line beside the sources that explains the dagger; only when something shown carries it.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 */
export class LevelCompare extends AltitudeElement<LevelComparisonQuery> {
  static override styles = [themeStyles, stateStyles, levelCompareStyles];
  static override properties = {
    ...AltitudeElement.properties,
    levels: { type: String, reflect: true },
    dimensions: { type: String, reflect: true },
  };

  /** Level slugs in column order, e.g. "staff principal distinguished". */
  declare levels: string | undefined;
  /** Optional dimension slugs to show, e.g. "operating-scope time-horizon". */
  declare dimensions: string | undefined;

  protected override readonly label = 'level comparison';

  /** Whether the table is wider than its box; only then is the wrapper a tab stop, for keyboard scrolling. */
  #scrollable = false;
  // Created on first use: a server rendering the element has no ResizeObserver.
  #resize: ResizeObserver | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  protected override updated(): void {
    const wrap = this.renderRoot.querySelector('.table-wrap');
    if (wrap) {
      this.#resize ??= new ResizeObserver(() => this.#checkScroll());
      this.#resize.observe(wrap);
    }
    this.#checkScroll();
  }

  #checkScroll(): void {
    const wrap = this.renderRoot.querySelector('.table-wrap');
    const scrollable = wrap !== null && wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrollable !== this.#scrollable) {
      this.#scrollable = scrollable;
      this.requestUpdate();
    }
  }

  // Every comparison of the same levels is one request (one cached URL, one
  // file in a static build); the dimensions are chosen from its rows here.
  protected override prepare(): DataRequest<LevelComparisonQuery> {
    return {
      ...dataRequest(LevelComparisonOperation, { slugs: slugList(this.levels), dimensions: null }),
      view: slugList(this.dimensions),
    };
  }

  protected override validate({ compareLevels }: LevelComparisonQuery): Words | undefined {
    // The API answers null with an error for bad slugs; the error is shown before this is reached.
    if (!compareLevels) return words('The comparison could not be made.');
    const known = compareLevels.rows.map((row) => row.dimension.slug);
    const unknown = slugList(this.dimensions).find((slug) => !known.includes(slug));
    return unknown === undefined
      ? undefined
      : words('Unknown dimension slug "{slug}". Valid dimension slugs: {valid}.', { slug: unknown, valid: known.join(', ') });
  }

  /** The rows asked for by the dimensions attribute (all when it is empty), in the framework's order. */
  #rows(comparison: Comparison): Comparison['rows'] {
    const chosen = slugList(this.dimensions);
    return chosen.length ? comparison.rows.filter((row) => chosen.includes(row.dimension.slug)) : comparison.rows;
  }

  protected override renderLoading(): TemplateResult {
    const columns = Math.max(slugList(this.levels).length, 2);
    // One row per dimension asked for; when none is named, all of them (8 in the framework).
    const rows = slugList(this.dimensions).length || 8;
    const row = (height: string) =>
      html`<div class="skeleton-row">${Array.from({ length: columns + 1 }, () => html`<span class="skeleton ${height}"></span>`)}</div>`;
    // Each dimension: its title (a card's heading when narrow), then its cells. Below the table,
    // a step between each pair of neighbouring levels, then the sources and the dagger's legend.
    return html`<span class="skeleton heading"></span>${row('h2')}${Array.from(
      { length: rows },
      () => html`<span class="skeleton heading"></span>${row('h10')}`,
    )}
      <span class="skeleton heading"></span>${Array.from({ length: columns - 1 }, () => html`<span class="skeleton h5"></span>`)}<span
        class="skeleton h8"
      ></span>`;
  }

  protected override renderData({ compareLevels }: LevelComparisonQuery): TemplateResult {
    const comparison = compareLevels!;
    const { t, textLocale: here } = this;
    const level = this.headingDepth;
    const title = t('{levels} compared', {
      levels: listOf(
        comparison.levels.map((l) => l.title),
        this.uiLocale,
      ),
    });
    const rows = this.#rows(comparison);
    const levelTitle = (l: Comparison['levels'][number] | undefined) => (l ? inLang(l.title, servedLang(l, 'title', here)) : nothing);
    const dimensionLang = (row: Row) => servedLang(row.dimension, 'title', here);
    return html`
      ${heading(level, title, 'heading', 'main', 'compare-title')}
      <div class="table-wrap" role="region" aria-labelledby="compare-title" tabindex=${this.#scrollable ? '0' : nothing}>
        <table part="table">
          <caption class="visually-hidden">
            ${t('What each level expects on each dimension')}
          </caption>
          <thead>
            <tr>
              <th scope="col" part="column-header corner">${t('Dimension')}</th>
              ${comparison.levels.map((l) => html`<th scope="col" part="column-header" lang=${servedLang(l, 'title', here)}>${l.title}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  <th scope="row" part="row-header" lang=${dimensionLang(row)}>${row.dimension.title}</th>
                  ${row.cells.map((cell, i) => html`<td part="cell">${this.#cell(row, cell, i, comparison)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="cards">
        ${rows.map(
          (row) =>
            html`<section class="card" part="card">
              ${heading(Math.min(level + 1, 6), inLang(row.dimension.title, dimensionLang(row)), 'card-heading', 'section')}
              <dl>
                ${row.cells.map(
                  (cell, i) =>
                    html`<dt>${levelTitle(comparison.levels[i])}</dt>
                      <dd>${this.#cell(row, cell, i, comparison)}</dd>`,
                )}
              </dl>
            </section>`,
        )}
      </div>
      ${this.#transitions(comparison)}
      ${sources([...comparison.levels.flatMap((l) => l.sources), ...comparison.transitions.flatMap((t) => t.sources)], t)}
      ${interpretedLegend([...rows.flatMap((row) => row.cells), ...comparison.transitions], t)}
    `;
  }

  /**
   * A cell leads with its headline; from the second column on, it says which
   * way the step goes from the column before (up or down the ladder).
   */
  #cell(row: Row, cell: Row['cells'][number], index: number, comparison: Comparison): TemplateResult {
    const { t, textLocale: here } = this;
    const column = comparison.levels.find((l) => l.slug === cell.level.slug);
    const before = index > 0 ? comparison.levels[index - 1] : undefined;
    const step =
      column && before ? t(column.rank > before.rank ? 'Up from {level}: ' : 'Down from {level}: ', { level: before.title }) : '';
    // The cell's strings are its level's (`expectations.<dimension>.headline`), marked when served from elsewhere.
    const field = `expectations.${row.dimension.slug}.`;
    const lang = (name: string) => (column ? servedLang(column, field + name, here) : nothing);
    return html`<strong class="headline ${step ? 'step' : ''}" part="headline"
        >${step ? html`<span class="visually-hidden">${step}</span>` : nothing}${inLang(cell.headline, lang('headline'))}${interpretedMark(
          cell.basis,
          t,
        )}</strong
      >${rich(cell.textDoc, lang('text'))}`;
  }

  #transitions(comparison: Comparison): TemplateResult | typeof nothing {
    if (comparison.transitions.length === 0) return nothing;
    const { t, textLocale: here } = this;
    // The arrow points the way the text runs.
    const arrow = this.direction === 'rtl' ? '←' : '→';
    return html`<section class="transitions">
      ${heading(Math.min(this.headingDepth + 1, 6), t('Moving between these levels'), 'transitions-heading', 'section')}
      <ul part="transitions">
        ${comparison.transitions.map(
          (tr) =>
            html`<li class="transition" part="transition">
              <span class="name"
                >${inLang(tr.from.title, servedLang(tr.from, 'title', here))} ${arrow} ${inLang(tr.to.title, servedLang(tr.to, 'title', here))}</span
              >${interpretedMark(tr.basis, t)} ${rich(tr.summaryDoc, servedLang(tr, 'summary', here))}
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'de-level-compare': LevelCompare;
  }
}
