import { html, nothing, type TemplateResult } from 'lit';
import { catalogueOf } from '../i18n/catalogues.js';
import { say, words, type Words } from '../i18n/messages.js';
import { SelfAssessmentOperation, type SelfAssessmentQuery } from '../queries/generated.js';
import { AltitudeElement, dataRequest, slugOf, type DataRequest } from '../shared/altitude-element.js';
import {
  downloadJson,
  followLinkAnswers,
  linkProblem,
  MAX_ANSWER_BYTES,
  readAnswerFile,
  readHashAnswers,
  storeHashAnswers,
} from '../shared/private-answers.js';
import { stateStyles } from '../shared/states.styles.js';
import { heading } from '../shared/templates.js';
import { themeStyles } from '../shared/theme.styles.js';
import { assessmentJson, cleanName, fitAnswers, MAX_NAME, NOT_YET, readAssessment, type Assessment } from './answers.js';
import { ladderOf, questionsOf, type Axis, type AxisKind, type Ladder } from './axes.js';
import { findings } from './findings.js';
import { profileTable } from './profile-chart.js';
import { differences, gapsTo } from './profile.js';
import { selfAssessmentStyles } from './self-assessment.styles.js';

/** The hash key and the element's tag. */
const KEY = 'de-self-assessment';
const FILE = 'self-assessment.json';
const EMPTY: Assessment = { name: '', answers: new Map() };

/** Answers read from a link or a file, kept as read until the framework they are fitted to has arrived. */
interface Rater extends Assessment {
  /** Entries dropped while reading (wrong types, too many). */
  readonly dropped: number;
}

const SECTIONS: [AxisKind, 'Dimensions' | 'Capabilities' | 'Leverage mechanisms'][] = [
  ['dimension', 'Dimensions'],
  ['capability', 'Capabilities'],
  ['mechanism', 'Leverage mechanisms'],
];

/**
 * "Where am I?": an engineer rates their current work on every dimension,
 * capability and leverage mechanism by picking the level whose description
 * fits best, or "not yet", and sees a profile against a target level, the
 * gaps with both descriptions side by side, the capabilities to grow, why
 * people stall on the step they are attempting (from their median answer to
 * the level above it) and the signs of operating below the level they hold.
 *
 * Private by design: the only request is the framework's persisted query,
 * the same for everyone. The answers live in the page address's fragment
 * (`#de-self-assessment=…`, never sent to a server), so a link can be
 * bookmarked or shared; they can be downloaded and loaded again as JSON
 * (`{ "v": 1, "tool": "self-assessment", "name"?, "answers": { "dimension:<slug>": "<level slug>" | "not-yet", … } }`).
 * A second rater's file (a manager's or a peer's) shows beside them, with
 * differences marked; it stays in the page only. Prints as a summary.
 *
 * @tag de-self-assessment
 * @summary A private self-assessment against a target level, with a second rater, printable.
 *
 * @attr {string} target - Level slug to measure against; defaults to the top level.
 * @attr {string} endpoint - GraphQL endpoint; defaults to `<meta name="altitude-endpoint">`, then `/graphql` where the script came from.
 * @attr {"light" | "dark"} theme - Colour theme; follows the reader's system setting when absent.
 * @attr {number} heading-level - Level (1–6) of the widget's heading; section headings go one deeper. Default 2.
 * @attr {string} lang - Language (BCP 47) of the content and the widget's own words, e.g. `de`; when absent, the page's. Right-to-left languages run mirrored.
 *
 * @fires de-load - The assessment has rendered.
 * @fires de-error - The widget is showing an error; `detail.message` says why.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The widget's heading.
 * @csspart intro - What to do, and that the answers stay private.
 * @csspart controls - The name field and the download, upload, second-rater, print and start-over controls.
 * @csspart button - Each button.
 * @csspart notice - What happened to answers read from a link or a file, or why they were refused; announced politely.
 * @csspart progress - How many areas are answered and how many gaps remain; announced politely.
 * @csspart questions - The form of questions.
 * @csspart axis - One area's fieldset: its legend and a radio button per level.
 * @csspart section-heading - The section headings.
 * @csspart profile - The profile table: a row per area, with its chart.
 * @csspart chart - One row's chart (a picture of the row's words, hidden from assistive technology).
 * @csspart chart-legend - The key to the chart's marks.
 * @csspart second-rater - How many answers differ from the second rater's, when one is loaded.
 * @csspart differs - The mark on a second rater's answer that differs.
 * @csspart gaps - The gaps to the target, largest first, each with both descriptions.
 * @csspart grow - The capabilities to grow, largest gap first.
 * @csspart median - The level the answers put the person at.
 * @csspart stall - Why people stall on the step they are attempting.
 * @csspart signals-below - Signs of operating below the level they hold.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 */
export class SelfAssessment extends AltitudeElement<SelfAssessmentQuery> {
  static override styles = [themeStyles, stateStyles, selfAssessmentStyles];
  static override properties = {
    ...AltitudeElement.properties,
    target: { type: String, reflect: true },
  };

  /** Level slug to measure against, e.g. "principal"; the top level when absent. */
  declare target: string | undefined;

  protected override readonly label = 'self-assessment';

  #mine: Rater = { ...EMPTY, dropped: 0 };
  #second: Rater | undefined;
  /** What happened last, said politely: a file loaded or refused, answers left out. */
  #notice: Words[] = [];

  protected override prepare(): DataRequest<SelfAssessmentQuery> {
    // The target is applied in the browser: one request serves every target.
    return { ...dataRequest(SelfAssessmentOperation, {}), view: slugOf(this.target) };
  }

  constructor() {
    super();
    followLinkAnswers(this, this.#fromHash);
  }

  protected override validate(data: SelfAssessmentQuery): Words | undefined {
    const target = slugOf(this.target);
    if (target && !data.levels.some((l) => l.slug === target))
      return words('Unknown target level "{slug}". Valid levels: {valid}.', {
        slug: target,
        valid: data.levels.map((l) => l.slug).join(', '),
      });
    return undefined;
  }

  /**
   * Takes the answers a link holds. A fragment without them (the page moved
   * to an anchor of its own) leaves the answers on screen as they are.
   */
  readonly #fromHash = (): void => {
    const raw = readHashAnswers(KEY);
    if (raw === undefined && !location.hash.includes(`${KEY}=`)) return;
    const read = readAssessment(raw);
    if (!read.ok) {
      this.#mine = { ...EMPTY, dropped: 0 };
      return this.#say(words('The answers in this link could not be read; the assessment starts empty.'));
    }
    this.#mine = { ...read.assessment, dropped: read.notes.dropped };
    this.#say(...(read.notes.nameCut ? [words('The name was shortened to {max} characters.', { max: MAX_NAME })] : []));
  };

  #say(...notice: Words[]): void {
    this.#notice = notice;
    this.requestUpdate();
  }

  /** The ladder of the data on screen; undefined until it has arrived. */
  #ladder(): Ladder | undefined {
    return this.status.kind === 'ready' ? ladderOf(this.status.data, this.textLocale) : undefined;
  }

  /** A rater's answers that this framework can hold, in its order, and how many were left out. */
  #fit(ladder: Ladder, rater: Rater): { answers: Map<string, string>; dropped: number } {
    const fitted = fitAnswers(rater.answers, questionsOf(ladder));
    return { answers: fitted.answers, dropped: rater.dropped + fitted.dropped };
  }

  /** Keeps the person's answers: on screen, and in the link (the name tidied) unless they cannot go there. */
  #keep(next: Assessment, ...notice: Words[]): void {
    this.#mine = { ...next, dropped: 0 };
    const name = cleanName(next.name);
    const problem = linkProblem(storeHashAnswers(KEY, next.answers.size === 0 && !name ? undefined : assessmentJson({ ...next, name })));
    this.#say(...notice, ...(problem ? [problem] : []));
  }

  readonly #answer = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const ladder = this.#ladder();
    if (!ladder || input.type !== 'radio') return;
    // Fitted again, so a new answer takes its place in the framework's order.
    const answers = this.#fit(ladder, this.#mine).answers.set(input.name, input.value);
    this.#keep({ name: this.#mine.name, answers: fitAnswers(answers, questionsOf(ladder)).answers });
  };

  readonly #rename = (event: Event): void => {
    const ladder = this.#ladder();
    if (!ladder) return;
    this.#keep({ name: cleanName((event.target as HTMLInputElement).value, true), answers: this.#fit(ladder, this.#mine).answers });
  };

  readonly #download = (): void => {
    const ladder = this.#ladder();
    if (!ladder) return;
    downloadJson(FILE, assessmentJson({ name: cleanName(this.#mine.name), answers: this.#fit(ladder, this.#mine).answers }));
  };

  /** Reads a picked file as a rater's answers; a refused file changes nothing and says why. */
  async #readFile(event: Event): Promise<Rater | undefined> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so picking the same file again is a change again.
    input.value = '';
    if (!file) return undefined;
    const read = await readAnswerFile(file);
    if (!read.ok) {
      this.#say(
        read.problem === 'too-large'
          ? words('The file is larger than {size} kB: it cannot be answers from this tool.', { size: MAX_ANSWER_BYTES / 1024 })
          : words('The file is not JSON: choose a file this tool downloaded.'),
      );
      return undefined;
    }
    const assessment = readAssessment(read.value);
    if (!assessment.ok) {
      this.#say(words('The file holds no self-assessment answers.'));
      return undefined;
    }
    return { ...assessment.assessment, dropped: assessment.notes.dropped };
  }

  /** Loads a picked file as the person's own answers, or as the second rater's beside them. */
  async #load(event: Event, second: boolean): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0]?.name ?? '';
    const rater = await this.#readFile(event);
    const ladder = this.#ladder();
    if (!rater || !ladder) return;
    const { answers, dropped } = this.#fit(ladder, rater);
    const notice = [
      words(second ? "The second rater's answers loaded from {file}." : 'Answers loaded from {file}.', { file }),
      ...this.#dropped(dropped),
    ];
    if (!second) return this.#keep({ name: rater.name, answers }, ...notice);
    this.#second = { name: rater.name, answers, dropped: 0 };
    this.#say(...notice);
  }

  readonly #removeSecond = (): void => {
    this.#second = undefined;
    this.#say(words('Removed the second rater.'));
  };

  readonly #startOver = (): void => {
    this.#second = undefined;
    this.#keep(EMPTY, words('Started over: every answer is cleared.'));
  };

  readonly #print = (): void => window.print();

  #dropped(count: number): Words[] {
    return count ? [words('Entries left out (not questions of this assessment, or not answers to them): {count}.', { count })] : [];
  }

  protected override renderLoading(): TemplateResult {
    return html`<span class="skeleton heading"></span><span class="skeleton h5"></span>${Array.from(
      { length: 6 },
      () => html`<span class="skeleton h8"></span>`,
    )}`;
  }

  protected override renderData(data: SelfAssessmentQuery): TemplateResult {
    const { t } = this;
    const ladder = ladderOf(data, this.textLocale);
    const slug = slugOf(this.target);
    const target = slug ? ladder.levels.findIndex((l) => l.slug === slug) + 1 : ladder.levels.length;
    const targetTitle = ladder.levels[target - 1]!.title.text;
    const mine = this.#fit(ladder, this.#mine);
    const second = this.#second && {
      name: this.#second.name,
      answers: this.#second.answers,
      differ: differences(ladder, mine.answers, this.#second.answers),
    };
    // Answers from a link arrive before the framework: what they held that it lacks is said once it is here.
    const notice = [...this.#notice, ...this.#dropped(mine.dropped)];
    const sub = Math.min(this.headingDepth + 1, 6);
    return html`${heading(this.headingDepth, t('Self-assessment against {level}', { level: targetTitle }))}
      ${this.#mine.name ? html`<p class="rater-name">${this.#mine.name}</p>` : nothing}
      <p class="intro" part="intro">
        ${t(
          'For each area, pick the level whose description best matches your work today, or "not yet". Your answers stay in this browser: the page address and files you download hold them, and nothing is sent.',
        )}
      </p>
      ${this.#controls(second !== undefined)}
      <p class="notice" part="notice" role="status">${notice.map((w) => html`<span>${say(catalogueOf(this.uiLocale), w)}</span> `)}</p>
      <form part="questions" @change=${this.#answer} @submit=${(e: Event) => e.preventDefault()}>
        ${SECTIONS.map(([kind, title]) => {
          const axes = ladder.axes.filter((a) => a.kind === kind);
          return axes.length
            ? html`${heading(sub, t(title), 'section-heading', 'section')}${axes.map((a) => this.#axis(ladder, a, mine.answers.get(a.key)))}`
            : nothing;
        })}
      </form>
      <p class="progress" part="progress" aria-live="polite">
        ${t('Answered: {answered} of {total}. Gaps to {level}: {gaps}.', {
          answered: mine.answers.size,
          total: ladder.axes.length,
          level: targetTitle,
          gaps: gapsTo(ladder, mine.answers, target).length,
        })}
      </p>
      <section class="results">
        ${heading(sub, t('Your profile'), 'section-heading', 'section')}
        ${
          second
            ? html`<p class="second" part="second-rater">
              ${t("Answers that differ from the second rater's: {count}.", { count: second.differ.size })}
            </p>`
            : nothing
        }
        ${profileTable(ladder, mine.answers, target, t, second)} ${findings(ladder, mine.answers, target, t, sub)}
      </section>`;
  }

  #controls(second: boolean): TemplateResult {
    const { t } = this;
    return html`<div class="controls" part="controls">
      <label class="name">${t('Your name (optional)')} <input type="text" name="name" maxlength=${MAX_NAME} .value=${this.#mine.name} @change=${this.#rename} /></label>
      <button type="button" part="button" @click=${this.#download}>${t('Download answers')}</button>
      <label class="file">${t('Upload answers')} <input type="file" name="answers-file" accept=".json,application/json" @change=${(e: Event) => this.#load(e, false)} /></label>
      <label class="file"
        >${t("Load a second rater's answers")} <input type="file" name="second-rater-file" accept=".json,application/json" @change=${(e: Event) => this.#load(e, true)}
      /></label>
      ${second ? html`<button type="button" part="button" @click=${this.#removeSecond}>${t('Remove the second rater')}</button>` : nothing}
      <button type="button" part="button" @click=${this.#print}>${t('Print')}</button>
      <button type="button" part="button" @click=${this.#startOver}>${t('Start over')}</button>
    </div>`;
  }

  /** One area's question: a radio button per level, each labelled with what that level looks like here. */
  #axis(ladder: Ladder, axis: Axis, answer: string | undefined): TemplateResult {
    const { t } = this;
    return html`<fieldset class="axis" part="axis">
      <legend lang=${axis.title.lang}>${axis.title.text}</legend>
      <label class="option">
        <input type="radio" name=${axis.key} value=${NOT_YET} .checked=${answer === NOT_YET} />
        <span class="level">${t('Not yet')}</span>
      </label>
      ${ladder.levels.map((level) => {
        const note = axis.notes.get(level.slug);
        return html`<label class="option">
          <input type="radio" name=${axis.key} value=${level.slug} .checked=${answer === level.slug} />
          <span class="level" lang=${level.title.lang}>${level.title.text}</span>
          ${note?.headline ? html`<span class="headline" lang=${note.headline.lang}>${note.headline.text}</span>` : nothing}
          ${note ? html`<span class="note" lang=${note.text.lang}>${note.text.text}</span>` : nothing}
        </label>`;
      })}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'de-self-assessment': SelfAssessment;
  }
}
