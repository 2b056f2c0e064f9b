import { css } from 'lit';

// Dark values appear twice below (explicit theme="dark", and the OS setting
// when no theme is forced), so they are written once here.
const dark = css`
  --_text: var(--de-color-text, #e6edf3);
  --_muted: var(--de-color-muted, #a3adb8);
  --_surface: var(--de-color-surface, #0d1117);
  --_surface-alt: var(--de-color-surface-alt, #161b22);
  --_border: var(--de-color-border, #3d444d);
  --_accent: var(--de-color-accent, #79b8ff);
  --_highlight: var(--de-color-highlight, #1f2d3d);
  --_error: var(--de-color-error, #ffa198);
  --_error-surface: var(--de-color-error-surface, #2d1214);
  color-scheme: dark;
`;

/**
 * Design tokens. Every colour, font, spacing and radius can be set from the
 * page with the matching `--de-*` custom property; the private `--_*` names
 * hold the resolved value for the current theme.
 */
export const themeStyles = css`
  :host {
    --_text: var(--de-color-text, #1f2328);
    --_muted: var(--de-color-muted, #59636e);
    --_surface: var(--de-color-surface, #ffffff);
    --_surface-alt: var(--de-color-surface-alt, #f6f8fa);
    --_border: var(--de-color-border, #d1d9e0);
    --_accent: var(--de-color-accent, #0b5cad);
    --_highlight: var(--de-color-highlight, #eaf3ff);
    --_error: var(--de-color-error, #b42318);
    --_error-surface: var(--de-color-error-surface, #fef3f2);
    --_space: var(--de-space, 1rem);
    --_radius: var(--de-radius, 8px);
    color-scheme: light;

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--de-font-family, inherit);
    font-size: var(--de-font-size, 1rem);
    line-height: var(--de-line-height, 1.5);
  }
  /* Screen only: paper gets the light print palette below, whatever the theme. */
  @media screen {
    :host([theme='dark']) {
      ${dark}
    }
  }
  @media screen and (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .heading {
    margin-block: 0 calc(var(--_space) * 0.5);
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }
  .section-heading {
    margin-block: calc(var(--_space) * 1.25) 0.4em;
    font-size: 1.05em;
    font-weight: 700;
    line-height: 1.3;
  }
  .rich > :first-child {
    margin-block-start: 0;
  }
  .rich > :last-child {
    margin-block-end: 0;
  }
  @media print {
    :host {
      --_text: #000;
      --_muted: #333;
      --_surface: #fff;
      --_surface-alt: #fff;
      --_border: #777;
      --_accent: #000;
      --_highlight: #fff;
      color-scheme: light;
    }
  }
`;
