import { html, nothing, type TemplateResult } from 'lit';
import '../failure-mode-card/define.js';
import { catalogueOf } from '../i18n/catalogues.js';
import { languageAt, listOf, requestedLocale } from '../i18n/locale.js';
import { say, words, type Words } from '../i18n/messages.js';
import { RoleHealthCheckOperation, type RoleHealthCheckQuery } from '../queries/generated.js';
import { AltitudeElement, dataRequest, type DataRequest } from '../shared/altitude-element.js';
import {
  downloadJson,
  followLinkAnswers,
  linkProblem,
  MAX_ANSWER_BYTES,
  readAnswerFile,
  readHashAnswers,
  storeHashAnswers,
} from '../shared/private-answers.js';
import { inLang, servedLang } from '../shared/served-lang.js';
import { stateStyles } from '../shared/states.styles.js';
import { heading, interpretedLegend, interpretedMark, sources } from '../shared/templates.js';
import { themeStyles } from '../shared/theme.styles.js';
import { ANSWERS_KEY, answersOf, hashMentionsAnswers, keepKnown, readAnswers, type AnswersProblem, type ReadAnswers } from './answers.js';
import { cardHref, validCardHref } from './card-link.js';
import { buildChecklist, type ChecklistItem } from './checklist.js';
import { roleHealthCheckStyles } from './role-health-check.styles.js';
import { modeResults, type ModeResult, type Strength } from './strength.js';

type FailureMode = RoleHealthCheckQuery['failureModes'][number];

/** The checklist made from one answer: built once per answer, the same on every render. */
const checklists = new WeakMap<RoleHealthCheckQuery, ChecklistItem[]>();

const STRENGTH_WORDS = { none: 'No signs', some: 'Some signs', strong: 'Strong signs' } as const;

/** A notice about the answers, shown and announced politely; `problem` ones look like warnings. */
interface Notice {
  readonly words: Words;
  readonly problem: boolean;
}

/**
 * For leaders: "are we getting this role wrong?". The symptoms of every
 * failure mode as one checklist (each symptom once, in a stable order that
 * mixes the modes so the list does not give the answer away); the result
 * names the failure modes the organisation shows and how strongly, with
 * their consequences, the practices that prevent them and a way to the full
 * failure-mode card.
 *
 * Strength per mode, over its own symptoms: no signs (none ticked), some
 * signs (up to half), strong signs (more than half).
 *
 * Private by design: the answers never leave the browser. They live in the
 * page address's fragment (`#de-role-health-check=…`), so a link can be
 * shared or bookmarked, and can be downloaded and uploaded as a JSON file
 * (`{ "v": 1, "tool": "role-health-check", "checked": [...] }`). The only
 * request is the content's persisted query.
 *
 * @tag de-role-health-check
 * @summary A private checklist of failure-mode symptoms for leaders, with the modes it points to.
 *
 * @attr {string} card-href - Link to each failure mode's card on your site, `{slug}` standing for the mode, e.g. `/wiki/failure-modes#{slug}`; http(s) or relative. Without it, each result opens the card in place.
 * @attr {string} endpoint - GraphQL endpoint; defaults to `<meta name="altitude-endpoint">`, then `/graphql` where the script came from.
 * @attr {"light" | "dark"} theme - Colour theme; follows the reader's system setting when absent.
 * @attr {number} heading-level - Level (1–6) of the widget's heading; section headings go one deeper. Default 2.
 * @attr {string} lang - Language (BCP 47) of the content and the widget's own words, e.g. `de`; when absent, the page's. Right-to-left languages run mirrored.
 *
 * @fires de-load - The checklist has rendered.
 * @fires de-error - The widget is showing an error; `detail.message` says why.
 * @fires de-change - The ticks changed (by the reader, a link or a file); `detail.checked` holds the ticked symptom ids. Stays in the page.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The widget's heading.
 * @csspart intro - The line saying what to do and that the answers stay private.
 * @csspart checklist - The fieldset of symptoms.
 * @csspart legend - Its legend.
 * @csspart symptom - One symptom: its checkbox and label.
 * @csspart controls - The download, upload, print and start-over controls.
 * @csspart button - Each control.
 * @csspart notice - What happened to answers read from a link or file, or why they were refused.
 * @csspart result - The result.
 * @csspart result-summary - The one-line result, announced politely.
 * @csspart mode - One failure mode's result.
 * @csspart mode-title - Its title.
 * @csspart strength - How strongly it shows, and how many of its symptoms were ticked.
 * @csspart consequences - Its consequences.
 * @csspart practices - The org practices that prevent it.
 * @csspart card-link - The link to its card (with `card-href`).
 * @csspart card - The disclosure holding its card in place (without `card-href`).
 * @csspart ticked - The ticked symptoms, shown on paper only.
 * @csspart interpreted - The dagger on something that is the framework's reading rather than its sources'.
 * @csspart sources - The sources cited.
 * @csspart interpreted-legend - The line that explains the dagger.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 */
export class RoleHealthCheck extends AltitudeElement<RoleHealthCheckQuery> {
  static override styles = [themeStyles, stateStyles, roleHealthCheckStyles];
  static override properties = {
    ...AltitudeElement.properties,
    cardHref: { type: String, attribute: 'card-href', reflect: true },
    checked: { state: true, attribute: false },
    notices: { state: true, attribute: false },
    openCards: { state: true, attribute: false },
  };

  /** Template of the link to a failure mode's card, `{slug}` standing for the mode. */
  declare cardHref: string | undefined;
  /** Ticked symptom ids: every occurrence's id, so a symptom two modes share counts for both. */
  declare protected checked: ReadonlySet<string>;
  declare protected notices: readonly Notice[];
  /** The modes whose card the reader opened in place; a card is fetched only once opened. */
  declare protected openCards: ReadonlySet<string>;

  protected override readonly label = 'role health check';

  /** Answers read from the link, kept until the checklist has loaded and can tell its ids. */
  #pending: ReadAnswers | undefined;
  constructor() {
    super();
    this.checked = new Set();
    this.notices = [];
    this.openCards = new Set();
    followLinkAnswers(this, () => this.#readHash());
  }

  protected override prepare(): DataRequest<RoleHealthCheckQuery> | Words {
    const template = this.cardHref;
    if (template != null && !validCardHref(String(template)))
      return words('card-href must be an http(s) or relative URL, not "{value}".', { value: String(template).slice(0, 200) });
    return dataRequest(RoleHealthCheckOperation, {});
  }

  /**
   * Takes the answers in the link: at once when the checklist is known, else
   * once it has loaded. A fragment without them (the page's own anchor was
   * followed) keeps the ticks and puts them back, so no work is lost.
   */
  #readHash(): void {
    const hash = location.hash;
    const value = readHashAnswers(ANSWERS_KEY, hash);
    let read: ReadAnswers;
    if (value !== undefined) read = readAnswers(value);
    // A part under our key that cannot be decoded (too large, not base64url JSON) is said, not silently dropped.
    else if (hashMentionsAnswers(hash)) read = { checked: [], problems: [{ kind: 'not-answers' }] };
    else {
      if (this.checked.size > 0) storeHashAnswers(ANSWERS_KEY, answersOf(this.checked));
      return;
    }
    // Our own write, read back: nothing changed.
    if (read.problems.length === 0 && sameIds(read.checked, [...this.checked])) return;
    this.#pending = read;
    if (this.status.kind === 'ready') this.#applyPending(this.status.data);
  }

  /** Answers from the link wait for the checklist; taken here, they render in the same update as it. */
  protected override willUpdate(): void {
    super.willUpdate();
    if (this.#pending && this.status.kind === 'ready') this.#applyPending(this.status.data);
  }

  /** Replaces the ticks with answers read back, dropping ids the checklist lacks, and says what was dropped. */
  #applyPending(data: RoleHealthCheckQuery): void {
    const read = this.#pending;
    if (!read) return;
    this.#pending = undefined;
    const { kept, unknown } = keepKnown(read.checked, knownIds(this.#checklist(data)));
    const problems: AnswersProblem[] = [...read.problems];
    if (unknown > 0) {
      const ignored = problems.find((p) => p.kind === 'ignored');
      if (ignored && ignored.kind === 'ignored') ignored.count += unknown;
      else problems.push({ kind: 'ignored', count: unknown });
    }
    const notices = problems.map((p): Notice => ({ words: hashProblemWords(p), problem: true }));
    this.#setChecked(new Set(kept), notices, problems.length > 0);
  }

  /**
   * Sets the ticks, keeps the link in step and tells the page. Answers taken
   * from the link leave it as it is (`rewriteLink` false) unless part of it
   * could not be used: then the link is rewritten to what is shown.
   */
  #setChecked(checked: ReadonlySet<string>, notices: readonly Notice[], rewriteLink = true): void {
    const before = this.checked;
    this.checked = checked;
    const problem = rewriteLink ? linkProblem(storeHashAnswers(ANSWERS_KEY, checked.size > 0 ? answersOf(checked) : undefined)) : undefined;
    this.notices = problem ? [...notices, { words: problem, problem: true }] : notices;
    if (!sameIds([...before], [...checked]))
      this.dispatchEvent(new CustomEvent('de-change', { detail: { checked: [...checked].sort() }, bubbles: false, composed: false }));
  }

  #checklist(data: RoleHealthCheckQuery): ChecklistItem[] {
    let list = checklists.get(data);
    if (!list) {
      list = buildChecklist(data.failureModes);
      checklists.set(data, list);
    }
    return list;
  }

  #isTicked(item: ChecklistItem): boolean {
    return item.ids.some((id) => this.checked.has(id));
  }

  #toggle(item: ChecklistItem, on: boolean): void {
    const next = new Set(this.checked);
    for (const id of item.ids)
      if (on) next.add(id);
      else next.delete(id);
    this.#setChecked(next, []);
  }

  #download(): void {
    downloadJson('role-health-check.json', answersOf(this.checked));
  }

  async #upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // The same file can be picked again after a change.
    input.value = '';
    if (!file || this.status.kind !== 'ready') return;
    const data = this.status.data;
    const read = await readAnswerFile(file);
    if (!read.ok) {
      const problem =
        read.problem === 'too-large'
          ? words('The file is larger than {size} kB: it cannot be answers from this tool.', { size: Math.round(MAX_ANSWER_BYTES / 1024) })
          : words('The file is not JSON: choose a file this tool downloaded.');
      this.notices = [{ words: problem, problem: true }];
      return;
    }
    const answers = readAnswers(read.value);
    if (answers.problems.some((p) => p.kind === 'not-answers' || p.kind === 'other-version')) {
      this.notices = answers.problems.map((p) => ({ words: fileProblemWords(p), problem: true }));
      return;
    }
    const { kept, unknown } = keepKnown(answers.checked, knownIds(this.#checklist(data)));
    const problems: AnswersProblem[] = [...answers.problems];
    if (unknown > 0) problems.push({ kind: 'ignored', count: unknown });
    this.#setChecked(new Set(kept), [
      { words: words('Answers loaded from {file}.', { file: file.name.slice(0, 100) }), problem: false },
      ...problems.map((p) => ({ words: fileProblemWords(p), problem: true })),
    ]);
  }

  #startOver(): void {
    this.openCards = new Set();
    this.#setChecked(new Set(), [{ words: words('Started over: every tick is cleared.'), problem: false }]);
  }

  #toggleCard(slug: string, event: Event): void {
    const open = (event.target as HTMLDetailsElement).open;
    if (open === this.openCards.has(slug)) return;
    const next = new Set(this.openCards);
    if (open) next.add(slug);
    else next.delete(slug);
    this.openCards = next;
  }

  protected override renderLoading(): TemplateResult {
    return html`<span class="skeleton check-tall"></span>`;
  }

  protected override renderData(data: RoleHealthCheckQuery): TemplateResult {
    const t = this.t;
    const here = this.textLocale;
    const items = this.#checklist(data);
    const bySlug = new Map(data.failureModes.map((m) => [m.slug, m]));
    const results = modeResults(
      data.failureModes.map((m) => m.slug),
      items,
      new Set(items.filter((item) => this.#isTicked(item)).map((item) => item.id)),
    );
    const level = this.headingDepth;
    const sub = Math.min(level + 1, 6);
    const ticked = items.filter((item) => this.#isTicked(item));
    const symptomText = (item: ChecklistItem) => {
      const mode = bySlug.get(item.mode)!;
      return inLang(item.text, servedLang(mode, `symptoms[${item.index}]`, here));
    };
    return html`<section class="check" aria-labelledby="check-heading">
      ${heading(level, t('Is the organisation getting the role wrong?'), 'heading', 'main', 'check-heading')}
      <p class="intro" part="intro">
        ${t(
          "Tick every statement that fits a Distinguished Engineer in your organisation. Your answers stay in this browser: they are kept in this page's address and in files you download, never sent anywhere.",
        )}
      </p>
      <form class="checklist-form" @submit=${(e: Event) => e.preventDefault()}>
        <fieldset class="checklist" part="checklist">
          <legend part="legend">${t('What do you see in your organisation?')}</legend>
          <ul class="symptoms">
            ${items.map(
              (item, n) =>
                html`<li class="symptom" part="symptom">
                  <input
                    type="checkbox"
                    id=${`symptom-${n}`}
                    name="symptom"
                    value=${item.id}
                    .checked=${this.#isTicked(item)}
                    @change=${(e: Event) => this.#toggle(item, (e.target as HTMLInputElement).checked)}
                  /><label for=${`symptom-${n}`}>${symptomText(item)}</label>
                </li>`,
            )}
          </ul>
        </fieldset>
      </form>
      <div class="controls" part="controls" role="group" aria-label=${t('Your answers')}>
        <button type="button" part="button download" @click=${() => this.#download()}>${t('Download answers')}</button>
        <label class="upload" part="button upload"
          >${t('Upload answers')}<input
            class="file"
            type="file"
            accept="application/json,.json"
            @change=${(e: Event) => void this.#upload(e).catch(() => undefined)}
        /></label>
        <button type="button" part="button print" @click=${() => window.print()}>${t('Print')}</button>
        <button type="button" part="button start-over" @click=${() => this.#startOver()}>${t('Start over')}</button>
      </div>
      <div class="notices" part="notices" role="status">
        ${this.notices.map((n) => html`<p class=${n.problem ? 'notice problem' : 'notice'} part="notice">${say(catalogueOf(this.uiLocale), n.words)}</p>`)}
      </div>
      <section class="result" part="result" aria-labelledby="result-heading">
        ${heading(sub, t('Result'), 'section-heading', 'section', 'result-heading')}
        <p class="result-summary" part="result-summary" aria-live="polite">${this.#summary(results, bySlug)}</p>
        <ul class="modes">
          ${results.map((r) => this.#renderMode(r, bySlug.get(r.slug)!, sub + 1))}
        </ul>
        ${
          ticked.length
            ? html`<section class="ticked" part="ticked" aria-labelledby="ticked-heading">
              ${heading(sub + 1, t('What you ticked'), 'section-heading', 'section', 'ticked-heading')}
              <ul>
                ${ticked.map((item) => html`<li>${symptomText(item)}</li>`)}
              </ul>
            </section>`
            : nothing
        }
      </section>
      ${sources(
        data.failureModes.flatMap((m) => m.sources),
        t,
      )}
      ${interpretedLegend(
        data.failureModes.flatMap((m) => [m, ...m.preventedBy]),
        t,
      )}
    </section>`;
  }

  /** The result in a sentence: what a screen reader hears after each tick. */
  #summary(results: readonly ModeResult[], bySlug: ReadonlyMap<string, FailureMode>): string {
    const t = this.t;
    const named = (strength: Strength) =>
      listOf(
        results.filter((r) => r.strength === strength).map((r) => bySlug.get(r.slug)!.title),
        this.uiLocale,
      );
    const strong = results.some((r) => r.strength === 'strong');
    const some = results.some((r) => r.strength === 'some');
    if (!strong && !some)
      return this.checked.size === 0
        ? t('Tick the statements that fit to see which failure modes your organisation shows.')
        : t('No failure mode shows in what you ticked.');
    return [
      strong ? t('Strong signs of {modes}.', { modes: named('strong') }) : '',
      some ? t('Some signs of {modes}.', { modes: named('some') }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  #renderMode(result: ModeResult, mode: FailureMode, level: number): TemplateResult {
    const t = this.t;
    const here = this.textLocale;
    const lang = (field: string) => servedLang(mode, field, here);
    const titleId = `mode-${mode.slug}`;
    const shows = result.strength !== 'none';
    return html`<li class=${`mode ${result.strength}`} part=${`mode mode-${result.strength}`} data-mode=${mode.slug}>
      <article aria-labelledby=${titleId}>
        ${heading(level, html`${inLang(mode.title, lang('title'))}${interpretedMark(mode.basis, t)}`, 'mode-title', 'section', titleId)}
        <p class="strength" part="strength">
          <strong>${t(STRENGTH_WORDS[result.strength])}</strong> · ${t('{checked} of {total} symptoms', {
            checked: result.checked,
            total: result.total,
          })}
        </p>
        ${
          shows
            ? html`${heading(Math.min(level + 1, 6), t('Consequences'), 'section-heading', 'section')}
              <ul part="consequences">
                ${mode.consequences.map((c, i) => html`<li>${inLang(c, lang(`consequences[${i}]`))}</li>`)}
              </ul>
              ${heading(Math.min(level + 1, 6), t('What prevents it'), 'section-heading', 'section')}
              <ul part="practices">
                ${mode.preventedBy.map(
                  (p) =>
                    html`<li>
                      <span class="practice-name" lang=${servedLang(p, 'title', here)}>${p.title}</span>${interpretedMark(p.basis, t)}:
                      <span lang=${servedLang(p, 'summary', here)}>${p.summary}</span>
                    </li>`,
                )}
              </ul>
              ${this.#cardAccess(mode)}`
            : nothing
        }
      </article>
    </li>`;
  }

  /** The way to the mode's full card: the page's own, or the card itself, fetched once opened. */
  #cardAccess(mode: FailureMode): TemplateResult {
    const template = this.cardHref;
    const title = mode.title;
    if (template != null && validCardHref(String(template)))
      return html`<p class="card-link"><a part="card-link" href=${cardHref(String(template), mode.slug)}>${this.t('See the card for {mode}', { mode: title })}</a></p>`;
    const open = this.openCards.has(mode.slug);
    return html`<details part="card" class="card" .open=${open} @toggle=${(e: Event) => this.#toggleCard(mode.slug, e)}>
      <summary>${this.t('The full card')}</summary>
      ${
        open
          ? html`<de-failure-mode-card
            mode=${mode.slug}
            endpoint=${this.endpoint ?? nothing}
            theme=${this.theme ?? nothing}
            lang=${requestedLocale(languageAt(this).lang)}
            heading-level=${Math.min(this.headingDepth + 3, 6)}
          ></de-failure-mode-card>`
          : nothing
      }
    </details>`;
  }
}

/** Every answer id the checklist has. */
function knownIds(items: readonly ChecklistItem[]): Set<string> {
  return new Set(items.flatMap((item) => item.ids));
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** A problem with the answers in a link, in the widget's words. */
function hashProblemWords(problem: AnswersProblem): Words {
  switch (problem.kind) {
    case 'not-answers':
      return words('The answers in this link could not be read; the checklist starts empty.');
    default:
      return fileProblemWords(problem);
  }
}

/** A problem with the answers in a file (or any problem both share), in the widget's words. */
function fileProblemWords(problem: AnswersProblem): Words {
  switch (problem.kind) {
    case 'not-answers':
      return words('The file holds no role health check answers.');
    case 'other-version':
      return words('These answers are in version {version}, which this tool cannot read.', { version: problem.version });
    case 'trimmed':
      return words('Entries left out (more than the checklist holds): {count}.', { count: problem.count });
    case 'ignored':
      return words('Entries ignored (not symptoms on this checklist): {count}.', { count: problem.count });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'de-role-health-check': RoleHealthCheck;
  }
}
