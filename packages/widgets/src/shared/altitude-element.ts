import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { resolveEndpoint } from '../client/endpoint.js';
import { clientFor } from '../client/graphql-client.js';
import type { PersistedOperation } from '../client/persisted-operation.js';
import { catalogueOf, loadCatalogue, uiLocaleFor } from '../i18n/catalogues.js';
import { followLang, unfollowLang } from '../i18n/lang-observer.js';
import { covers, directionOf, languageAt, requestedLocale, SOURCE_LOCALE } from '../i18n/locale.js';
import { say, words, type Message, type Translate, type WidgetLabel, type Words } from '../i18n/messages.js';
import type * as KeepFocus from './keep-focus.js';
import type { FocusMark } from './keep-focus.js';
import { errorMessage } from './templates.js';

/**
 * Keeping focus across a re-render, fetched the first time a widget is about
 * to re-render with focus inside it (the update waits for it): a page that
 * is only read never downloads it.
 */
let keepFocus: typeof KeepFocus | undefined;

export interface DataRequest<TData> {
  readonly operation: PersistedOperation<TData, unknown>;
  readonly variables: unknown;
  /** Attributes applied to the answer in the browser (not sent): a change re-renders and re-validates without a new request. */
  readonly view?: unknown;
}

/** A request whose variables are checked against the query's generated types; the element adds the locale. */
export function dataRequest<TData, TVariables extends { locale: unknown }>(
  operation: PersistedOperation<TData, TVariables>,
  variables: Omit<TVariables, 'locale'>,
): DataRequest<TData> {
  return { operation, variables };
}

type Status<TData> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: TData };

/** The languages of one widget, read from the page. */
interface Language {
  /** Asked of the API: the canonical tag of the `lang` in effect, else English. */
  readonly requested: string;
  /** The widget's own words: the first catalogue on the requested tag's chain. */
  readonly ui: string;
  /** What the widget's text inherits, against which a string served from elsewhere is marked. */
  readonly text: string;
  /** The way the widget's text runs: the page's `dir` when it set one, else the requested language's. */
  readonly direction: 'ltr' | 'rtl';
  /** Whether the page set `dir` itself, so the widget sets none. */
  readonly pageDir: boolean;
}

/**
 * What every Altitude widget shares: the `endpoint`, `theme` and
 * `heading-level` attributes, fetching through the page-wide client, and the
 * loading, error and ready states. A widget never throws: a bad attribute, an
 * unknown slug or an unreachable endpoint becomes a visible, announced message.
 *
 * Language: a widget follows the `lang` in effect where it stands (its own,
 * else the nearest ancestor's, else English), asks the API for that locale,
 * says its own words in it when it has a catalogue for it, runs right to left
 * where the language does, and re-renders when a `lang` above it changes.
 *
 * Events: `de-load` when data has rendered, `de-error` (detail: { message })
 * when the widget shows an error.
 *
 * @cssprop [--de-color-text=#1f2328 / #e6edf3] - Text colour (light / dark default).
 * @cssprop [--de-color-muted=#59636e / #a3adb8] - Secondary text: sources, labels.
 * @cssprop [--de-color-surface=#ffffff / #0d1117] - Background.
 * @cssprop [--de-color-surface-alt=#f6f8fa / #161b22] - Header cells, transitions, placeholders.
 * @cssprop [--de-color-border=#d1d9e0 / #3d444d] - Borders.
 * @cssprop [--de-color-accent=#0b5cad / #79b8ff] - Links, focus rings, accents.
 * @cssprop [--de-color-highlight=#eaf3ff / #1f2d3d] - Background of the headline that leads each cell.
 * @cssprop [--de-color-error=#b42318 / #ffa198] - Error text and border.
 * @cssprop [--de-color-error-surface=#fef3f2 / #2d1214] - Error background.
 * @cssprop [--de-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--de-font-size=1rem] - Base font size.
 * @cssprop [--de-line-height=1.5] - Line height.
 * @cssprop [--de-space=1rem] - Base spacing unit.
 * @cssprop [--de-radius=8px] - Corner radius.
 */
export abstract class AltitudeElement<TData> extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level', reflect: true },
    status: { state: true, attribute: false },
  };

  /** GraphQL endpoint; defaults to `<meta name="altitude-endpoint">`, then `graphql` beside the script. */
  declare endpoint: string | undefined;
  /** `light` or `dark`; follows the reader's system setting when absent. */
  declare theme: 'light' | 'dark' | undefined;
  /** Level (1–6) of the widget's main heading, to fit the page's outline. Default 2. */
  declare headingLevel: number | undefined;

  declare protected status: Status<TData>;
  #language: Language = { requested: SOURCE_LOCALE, ui: SOURCE_LOCALE, text: SOURCE_LOCALE, direction: 'ltr', pageDir: false };
  #key: string | undefined;
  #generation = 0;
  /** Where focus was before a re-render took its element away, while focus waits on the wrapper. */
  #parked: FocusMark | undefined;

  constructor() {
    super();
    this.status = { kind: 'loading' };
  }

  /** What the widget is, as its loading message and the title of its error messages name it: "level comparison". */
  protected abstract readonly label: WidgetLabel;
  /** The request to make (the locale is added to it), or a message saying which attribute is wrong. */
  protected abstract prepare(): DataRequest<TData> | Words;
  protected abstract renderData(data: TData): TemplateResult;
  /** Placeholders shaped like the result, so nothing jumps when the data arrives. */
  protected abstract renderLoading(): TemplateResult;

  /** The heading level in use: the attribute when valid, else 2. */
  protected get headingDepth(): number {
    return Number(this.headingLevel ?? 2);
  }

  /** The widget's own words in its language; English where the catalogue lacks one. */
  protected readonly t: Translate = (key, ...[values]) => say(catalogueOf(this.#language.ui), { key, values });

  /** The language the widget's text inherits: a string the API served in another carries its own `lang`. */
  protected get textLocale(): string {
    return this.#language.text;
  }

  /** The language of the widget's own words. */
  protected get uiLocale(): string {
    return this.#language.ui;
  }

  /** The way the widget's text runs. */
  protected get direction(): 'ltr' | 'rtl' {
    return this.#language.direction;
  }

  override connectedCallback(): void {
    followLang(this);
    super.connectedCallback();
    // Put back on a page after a failure (say, the network was down): try again.
    if (this.status.kind === 'error') {
      this.#key = undefined;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unfollowLang(this);
  }

  /**
   * A `lang` or `dir` above changed: re-render if this widget's language or direction did.
   * @internal Called by the page's one lang observer.
   */
  langChanged(): void {
    const before = this.#language;
    const now = this.#readLanguage();
    if (now.requested !== before.requested || now.direction !== before.direction || now.pageDir !== before.pageDir) this.requestUpdate();
  }

  #readLanguage(): Language {
    const { lang, dir } = languageAt(this);
    const requested = requestedLocale(lang);
    const ui = uiLocaleFor(requested);
    const text = covers(requested, ui) ? requested : ui;
    const direction = dir === 'rtl' || dir === 'ltr' ? dir : directionOf(requested);
    return (this.#language = { requested, ui, text, direction, pageDir: dir !== null });
  }

  /**
   * Holds an update until the catalogue of the widget's language has arrived,
   * so words never change language on screen. A server-rendered widget keeps
   * its markup meanwhile. The data is asked for at once, in parallel.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    // Read here as well as in willUpdate (which a server render calls alone), to know what to wait for.
    const { ui } = this.#readLanguage();
    const waits: Promise<unknown>[] = [];
    if (!keepFocus && this.shadowRoot?.activeElement)
      waits.push(import('./keep-focus.js').then((module) => (keepFocus = module)).catch(() => undefined));
    if (!catalogueOf(ui)) {
      const { endpoint, prepared } = this.#target();
      if (typeof prepared !== 'string')
        clientFor(endpoint)
          .request(prepared.operation, prepared.variables)
          .catch(() => undefined);
      waits.push(loadCatalogue(ui));
    }
    return waits.length ? Promise.all(waits).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * The request the widget's attributes and language make (the locale is
   * left out for English, so English requests are the ones they always were),
   * or what is wrong, in the widget's language.
   */
  protected currentRequest(): DataRequest<TData> | string {
    this.#readLanguage();
    let made: DataRequest<TData> | Words;
    try {
      made = this.#commonProblem() ?? this.prepare();
    } catch (error) {
      return this.t('The attributes could not be read: {reason}', { reason: this.#sayError(error) });
    }
    if (!('operation' in made)) return this.#say(made);
    const { requested } = this.#language;
    return { ...made, variables: { ...(made.variables as object), locale: requested === SOURCE_LOCALE ? null : requested } };
  }

  /** The request and where to send it, or what is wrong. */
  #target(): { endpoint: string; prepared: DataRequest<TData> | string } {
    let prepared = this.currentRequest();
    let endpoint = '';
    if (typeof prepared !== 'string') {
      try {
        endpoint = resolveEndpoint(this.endpoint);
      } catch (error) {
        prepared = this.#sayError(error);
      }
    }
    return { endpoint, prepared };
  }

  protected override willUpdate(): void {
    const { endpoint, prepared } = this.#target();
    const key = JSON.stringify([endpoint, this.#language.requested, prepared]);
    if (key === this.#key) return;
    this.#key = key;
    const generation = ++this.#generation;

    if (typeof prepared === 'string') {
      this.#fail(prepared, generation);
      return;
    }
    const client = clientFor(endpoint);
    const known = client.peek(prepared.operation, prepared.variables);
    // Known data is shown or refused as it is: asking again would only bring the same.
    if (known !== undefined) {
      this.#accept(known, generation);
      return;
    }
    this.status = { kind: 'loading' };
    client
      .request(prepared.operation, prepared.variables)
      .then((data) => {
        if (generation === this.#generation) this.#accept(data, generation);
      })
      .catch((error: unknown) => {
        if (generation === this.#generation) this.#fail(this.#sayError(error), generation);
      });
  }

  #say(message: Words): string {
    return say(catalogueOf(this.#language.ui), message);
  }

  /** An error in the widget's language: the widgets' own words translated, anything else (the API's) as it came. */
  #sayError(error: unknown): string {
    const own = (error as { words?: Words } | undefined)?.words;
    return own ? this.#say(own) : error instanceof Error ? error.message : String(error);
  }

  /** Shows the data, or the reason it cannot be shown. True when the data rendered. */
  #accept(data: TData, generation: number): boolean {
    const problem = this.validate(data);
    if (problem) {
      this.#fail(this.#say(problem), generation);
      return false;
    }
    try {
      // Render once here, so data of the wrong shape is an error, not a broken widget.
      this.renderData(data);
    } catch (error) {
      this.#fail(this.t('The data could not be shown: {reason}', { reason: this.#sayError(error) }), generation);
      return false;
    }
    this.status = { kind: 'ready', data };
    this.#announce('de-load', generation);
    return true;
  }

  /** A reason the data cannot be shown (e.g. an unknown slug answered with null), or nothing. */
  protected validate(_data: TData): Words | undefined {
    return undefined;
  }

  #fail(message: string, generation: number): void {
    this.status = { kind: 'error', message };
    this.#announce('de-error', generation, { message });
  }

  /** Fires the event once the state it reports is on screen, unless a newer state replaced it. */
  #announce(type: 'de-load' | 'de-error', generation: number, detail?: { message: string }): void {
    this.updateComplete
      .then(() => {
        if (generation === this.#generation) this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
      })
      .catch(() => undefined);
  }

  #commonProblem(): Words | undefined {
    const theme: unknown = this.theme;
    if (theme != null && theme !== 'light' && theme !== 'dark')
      return words('theme must be "light" or "dark", not "{value}".', { value: asText(theme) });
    const level = this.headingDepth;
    if (!Number.isInteger(level) || level < 1 || level > 6)
      return words('heading-level must be a whole number from 1 to 6, not "{value}".', {
        value: this.getAttribute('heading-level') ?? String(this.headingLevel),
      });
    return undefined;
  }

  /**
   * Renders, then puts focus back where it was when the render replaced the
   * focused element: on the equivalent element of the new markup, or while
   * there is none (loading, an error), on the widget's wrapper, so the next
   * Tab continues from inside the widget instead of from the top of the page.
   */
  protected override update(changed: PropertyValues): void {
    const root = this.shadowRoot;
    const active = root?.activeElement;
    const base = this.#base();
    const mark =
      !keepFocus || !root || !active ? undefined : active === base && this.#parked ? this.#parked : keepFocus.markFocus(root, active);
    super.update(changed);
    if (!root || !mark) return;
    const now = root.activeElement;
    const lost = now === null && (document.activeElement === null || document.activeElement === document.body);
    if (!lost && !(now === this.#base() && this.#parked)) return;
    const target = keepFocus!.findEquivalent(root, mark);
    if (target) target.focus();
    else this.#park(mark);
  }

  #base(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('[part~="base"]') ?? null;
  }

  /** Holds focus on the wrapper (focusable only while it holds it) until the equivalent element appears. */
  #park(mark: FocusMark): void {
    const base = this.#base();
    if (!base) return;
    this.#parked = mark;
    if (base.getAttribute('tabindex') === '-1') return;
    base.setAttribute('tabindex', '-1');
    base.addEventListener(
      'blur',
      () => {
        base.removeAttribute('tabindex');
        this.#parked = undefined;
      },
      { once: true },
    );
    base.focus({ preventScroll: true });
  }

  protected override render(): TemplateResult {
    const status = this.status;
    let body: TemplateResult | typeof nothing = nothing;
    let problem: string | undefined;
    if (status.kind === 'loading') body = html`<div class="loading" part="loading" aria-hidden="true">${this.renderLoading()}</div>`;
    else if (status.kind === 'error') problem = status.message;
    else {
      try {
        body = this.renderData(status.data);
      } catch (error) {
        problem = this.t('The data could not be shown: {reason}', { reason: this.#sayError(error) });
      }
    }
    // One template for every state, so the live regions stay the same nodes
    // and screen readers announce their changes.
    const { requested, ui, text, direction, pageDir } = this.#language;
    const widget = this.t(this.label);
    return html`<div part="base" class="base" lang=${text === requested ? nothing : ui} dir=${pageDir ? nothing : direction}>
      <div class="visually-hidden" role="status">${status.kind === 'loading' ? this.t('Loading {widget}…', { widget }) : ''}</div>
      <div role="alert">${problem ? errorMessage(capitalised(this.t('{widget} unavailable', { widget })), problem) : nothing}</div>
      <div class="content" aria-busy=${status.kind === 'loading' ? 'true' : 'false'}>${body}</div>
    </div>`;
  }
}

/**
 * What to say when a slug attribute names nothing: which value is unknown (or
 * that the attribute is missing) and every valid slug.
 */
export function unknownSlugMessage(
  [unknown, missing]: readonly [Message, Message],
  value: unknown,
  valid: readonly { slug: string }[],
): Words {
  const slug = slugOf(value);
  return { key: slug ? unknown : missing, values: { slug, valid: valid.map((v) => v.slug).join(', ') } };
}

/** A message that starts a line, starting with a capital where the language has them. */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Splits a space- or comma-separated attribute into slugs. */
export function slugList(value: unknown): string[] {
  const text = Array.isArray(value) ? value.map(asText).join(' ') : asText(value);
  return text.split(/[\s,]+/).filter(Boolean);
}

/** A single slug attribute as text, whatever was assigned to the property. */
export function slugOf(value: unknown): string {
  return asText(value).trim();
}

/** Text from a property value of whatever type a page assigned; objects give nothing. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return '';
}
