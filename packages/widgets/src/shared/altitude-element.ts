import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { resolveEndpoint } from '../client/endpoint.js';
import { clientFor } from '../client/graphql-client.js';
import type { PersistedOperation } from '../client/persisted-operation.js';
import { findEquivalent, markFocus, type FocusMark } from './keep-focus.js';
import { errorMessage } from './templates.js';

export interface DataRequest<TData> {
  readonly operation: PersistedOperation<TData, unknown>;
  readonly variables: unknown;
  /** Attributes applied to the answer in the browser (not sent): a change re-renders and re-validates without a new request. */
  readonly view?: unknown;
}

/** A request whose variables are checked against the query's generated types. */
export function dataRequest<TData, TVariables>(
  operation: PersistedOperation<TData, TVariables>,
  variables: TVariables,
): DataRequest<TData> {
  return { operation, variables };
}

type Status<TData> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: TData };

/**
 * What every Altitude widget shares: the `endpoint`, `theme` and
 * `heading-level` attributes, fetching through the page-wide client, and the
 * loading, error and ready states. A widget never throws: a bad attribute, an
 * unknown slug or an unreachable endpoint becomes a visible, announced message.
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
  #key: string | undefined;
  #generation = 0;
  /** Where focus was before a re-render took its element away, while focus waits on the wrapper. */
  #parked: FocusMark | undefined;

  constructor() {
    super();
    this.status = { kind: 'loading' };
  }

  /** Shown in the title of an error message, e.g. "Level comparison". */
  protected abstract readonly label: string;
  /** The request to make, or a message saying which attribute is wrong. */
  protected abstract prepare(): DataRequest<TData> | string;
  protected abstract renderData(data: TData): TemplateResult;
  /** Placeholders shaped like the result, so nothing jumps when the data arrives. */
  protected abstract renderLoading(): TemplateResult;

  /** The heading level in use: the attribute when valid, else 2. */
  protected get headingDepth(): number {
    return Number(this.headingLevel ?? 2);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back on a page after a failure (say, the network was down): try again.
    if (this.status.kind === 'error') {
      this.#key = undefined;
      this.requestUpdate();
    }
  }

  protected override willUpdate(): void {
    let prepared: DataRequest<TData> | string;
    let endpoint = '';
    try {
      prepared = this.#commonProblem() ?? this.prepare();
    } catch (error) {
      prepared = `The attributes could not be read: ${messageOf(error)}`;
    }
    if (typeof prepared !== 'string') {
      try {
        endpoint = resolveEndpoint(this.endpoint);
      } catch (error) {
        prepared = messageOf(error);
      }
    }
    const key = JSON.stringify([endpoint, prepared]);
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
        if (generation === this.#generation) this.#fail(messageOf(error), generation);
      });
  }

  /** Shows the data, or the reason it cannot be shown. True when the data rendered. */
  #accept(data: TData, generation: number): boolean {
    const problem = this.validate(data);
    if (problem) {
      this.#fail(problem, generation);
      return false;
    }
    try {
      // Render once here, so data of the wrong shape is an error, not a broken widget.
      this.renderData(data);
    } catch (error) {
      this.#fail(`The data could not be shown: ${messageOf(error)}`, generation);
      return false;
    }
    this.status = { kind: 'ready', data };
    this.#announce('de-load', generation);
    return true;
  }

  /** A reason the data cannot be shown (e.g. an unknown slug answered with null), or nothing. */
  protected validate(_data: TData): string | undefined {
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

  #commonProblem(): string | undefined {
    const theme: unknown = this.theme;
    if (theme != null && theme !== 'light' && theme !== 'dark') {
      return `theme must be "light" or "dark", not "${asText(theme)}".`;
    }
    const level = this.headingDepth;
    if (!Number.isInteger(level) || level < 1 || level > 6) {
      return `heading-level must be a whole number from 1 to 6, not "${this.getAttribute('heading-level') ?? String(this.headingLevel)}".`;
    }
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
    const mark = !root || !active ? undefined : active === base && this.#parked ? this.#parked : markFocus(root, active);
    super.update(changed);
    if (!root || !mark) return;
    const now = root.activeElement;
    const lost = now === null && (document.activeElement === null || document.activeElement === document.body);
    if (!lost && !(now === this.#base() && this.#parked)) return;
    const target = findEquivalent(root, mark);
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
        problem = `The data could not be shown: ${messageOf(error)}`;
      }
    }
    // One template for every state, so the live regions stay the same nodes
    // and screen readers announce their changes.
    return html`<div part="base" class="base">
      <div class="visually-hidden" role="status">${status.kind === 'loading' ? `Loading ${this.label.toLowerCase()}…` : ''}</div>
      <div role="alert">${problem ? errorMessage(`${this.label} unavailable`, problem) : nothing}</div>
      <div class="content" aria-busy=${status.kind === 'loading' ? 'true' : 'false'}>${body}</div>
    </div>`;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What to say when a slug attribute names nothing: which value is unknown (or
 * that the attribute is missing) and every valid slug.
 */
export function unknownSlugMessage(attribute: string, noun: string, value: unknown, valid: readonly { slug: string }[]): string {
  const slugs = valid.map((v) => v.slug).join(', ');
  const chosen = slugOf(value);
  return chosen
    ? `Unknown ${noun} "${chosen}". Valid ${noun}s: ${slugs}.`
    : `Set the ${attribute} attribute to a ${noun}. Valid ${noun}s: ${slugs}.`;
}

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
