import { LitElement, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { resolveEndpoint } from '../client/endpoint.js';
import { clientFor } from '../client/graphql-client.js';
import type { TypedQuery } from '../client/typed-query.js';
import { errorMessage } from './templates.js';

export interface DataRequest<TData> {
  readonly query: TypedQuery<TData, never> | TypedQuery<TData, Record<string, unknown>>;
  readonly variables: Record<string, unknown>;
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

  /** GraphQL endpoint; defaults to `<meta name="altitude-endpoint">`, then `/graphql` where the script came from. */
  declare endpoint: string | undefined;
  /** `light` or `dark`; follows the reader's system setting when absent. */
  declare theme: 'light' | 'dark' | undefined;
  /** Level (1–6) of the widget's main heading, to fit the page's outline. */
  declare headingLevel: number;

  declare protected status: Status<TData>;
  #key: string | undefined;
  #generation = 0;

  constructor() {
    super();
    this.headingLevel = 2;
    this.status = { kind: 'loading' };
  }

  /** Shown in the title of an error message, e.g. "Level comparison". */
  protected abstract readonly label: string;
  /** The request to make, or a message saying which attribute is wrong. */
  protected abstract prepare(): DataRequest<TData> | string;
  protected abstract renderData(data: TData): TemplateResult;
  /** Placeholders shaped like the result, so nothing jumps when the data arrives. */
  protected abstract renderLoading(): TemplateResult;

  protected override willUpdate(): void {
    let prepared: DataRequest<TData> | string;
    let endpoint = '';
    try {
      prepared = this.#commonProblem() ?? this.prepare();
      endpoint = resolveEndpoint(this.endpoint);
    } catch (error) {
      prepared = `Invalid endpoint "${this.endpoint ?? ''}": ${error instanceof Error ? error.message : String(error)}`;
    }
    const key = JSON.stringify([endpoint, prepared]);
    if (key === this.#key) return;
    this.#key = key;
    const generation = ++this.#generation;

    if (typeof prepared === 'string') {
      this.#fail(prepared);
      return;
    }
    this.status = { kind: 'loading' };
    clientFor(endpoint)
      .request(prepared.query as TypedQuery<TData, Record<string, unknown>>, prepared.variables)
      .then(
        (data) => {
          if (generation !== this.#generation) return;
          const problem = this.validate(data);
          if (problem) this.#fail(problem);
          else {
            this.status = { kind: 'ready', data };
            void this.updateComplete.then(() => this.dispatchEvent(new CustomEvent('de-load', { bubbles: true, composed: true })));
          }
        },
        (error: unknown) => {
          if (generation === this.#generation) this.#fail(error instanceof Error ? error.message : String(error));
        },
      );
  }

  /** A reason the data cannot be shown (e.g. an unknown slug answered with null), or nothing. */
  protected validate(_data: TData): string | undefined {
    return undefined;
  }

  #fail(message: string): void {
    this.status = { kind: 'error', message };
    void this.updateComplete.then(() =>
      this.dispatchEvent(new CustomEvent('de-error', { bubbles: true, composed: true, detail: { message } })),
    );
  }

  #commonProblem(): string | undefined {
    const theme: string | undefined = this.theme;
    if (theme != null && theme !== 'light' && theme !== 'dark') {
      return `theme must be "light" or "dark", not "${theme}".`;
    }
    if (!Number.isInteger(this.headingLevel) || this.headingLevel < 1 || this.headingLevel > 6) {
      return `heading-level must be a whole number from 1 to 6, not "${this.getAttribute('heading-level') ?? String(this.headingLevel)}".`;
    }
    return undefined;
  }

  protected override render(): TemplateResult {
    const status = this.status;
    if (status.kind === 'loading') {
      return html`<div part="base" class="base" aria-busy="true">
        <span class="visually-hidden" role="status">Loading ${this.label.toLowerCase()}…</span>
        <div class="loading" part="loading" aria-hidden="true">${this.renderLoading()}</div>
      </div>`;
    }
    if (status.kind === 'error') {
      return html`<div part="base" class="base">${errorMessage(`${this.label} unavailable`, status.message)}</div>`;
    }
    try {
      return html`<div part="base" class="base">${this.renderData(status.data)}</div>`;
    } catch (error) {
      return html`<div part="base" class="base">
        ${errorMessage(`${this.label} unavailable`, `The data could not be shown: ${error instanceof Error ? error.message : String(error)}`)}
      </div>`;
    }
  }
}

/**
 * What to say when a slug attribute names nothing: which value is unknown (or
 * that the attribute is missing) and every valid slug.
 */
export function unknownSlugMessage(attribute: string, noun: string, value: string | undefined, valid: readonly { slug: string }[]): string {
  const slugs = valid.map((v) => v.slug).join(', ');
  const chosen = value?.trim();
  return chosen
    ? `Unknown ${noun} "${chosen}". Valid ${noun}s: ${slugs}.`
    : `Set the ${attribute} attribute to a ${noun}. Valid ${noun}s: ${slugs}.`;
}

/** Splits a space- or comma-separated attribute into slugs. */
export function slugList(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}
