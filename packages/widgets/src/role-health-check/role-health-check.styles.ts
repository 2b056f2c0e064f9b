import { css } from 'lit';

export const roleHealthCheckStyles = css`
  .skeleton.check-tall {
    height: 40em;
  }
  .intro {
    margin-block: 0 var(--_space);
    color: var(--_muted);
  }
  .checklist {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  .checklist legend {
    padding-inline: 0.25em;
    font-weight: 700;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  ul.symptoms,
  ul.modes {
    padding: 0;
    list-style: none;
  }
  .symptom {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    padding-block: 0.35em;
  }
  .symptom + .symptom {
    border-block-start: 1px solid var(--_border);
  }
  .symptom input {
    flex: none;
    inline-size: 1.15em;
    block-size: 1.15em;
    margin: 0.2em 0 0;
    accent-color: var(--_accent);
  }
  .symptom label {
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  input:focus-visible,
  button:focus-visible,
  .upload:focus-within,
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block: var(--_space) 0;
  }
  .controls button,
  .upload {
    display: inline-flex;
    align-items: center;
    padding: 0.35em 0.9em;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }
  /* The native file input stays focusable and operable; its label is what shows. */
  .upload .file {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    opacity: 0;
    overflow: hidden;
  }
  .upload {
    position: relative;
  }
  .notices:empty {
    display: none;
  }
  .notice {
    margin-block: 0.75em 0;
    padding: 0.4em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-alt);
  }
  .notice.problem {
    border-inline-start-color: var(--_error);
    background: var(--_error-surface);
  }
  .result {
    margin-block-start: var(--_space);
  }
  .result-summary {
    margin-block: 0 var(--_space);
    font-weight: 600;
  }
  .mode {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .mode + .mode {
    margin-block-start: 0.75em;
  }
  .mode.strong {
    border-inline-start: 4px solid var(--_error);
  }
  .mode.some {
    border-inline-start: 4px solid var(--_accent);
  }
  .mode .section-heading:first-child {
    margin-block-start: 0;
  }
  .strength {
    margin-block: 0.25em 0;
  }
  .mode li + li {
    margin-block-start: 0.25em;
  }
  .practice-name {
    font-weight: 600;
  }
  .card-link {
    margin-block: 0.75em 0;
  }
  details.card {
    margin-block-start: 0.75em;
  }
  details.card summary {
    color: var(--_accent);
    cursor: pointer;
  }
  details.card de-failure-mode-card {
    margin-block-start: 0.5em;
  }
  .ticked {
    display: none;
  }

  /* Paper: the result and what was ticked, none of the controls. */
  @media print {
    .checklist-form,
    .controls,
    .notices,
    details.card,
    .card-link {
      display: none;
    }
    .intro {
      display: none;
    }
    .ticked {
      display: block;
      break-inside: avoid;
    }
    .mode {
      break-inside: avoid;
      padding: 0.4em 0.6em;
    }
    .mode + .mode {
      margin-block-start: 0.4em;
    }
    .mode.none .strength {
      display: inline;
    }
    :host {
      font-size: 10pt;
    }
  }
`;
