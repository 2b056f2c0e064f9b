import { css } from 'lit';

export const selfAssessmentStyles = css`
  :host {
    container-type: inline-size;
  }
  .intro,
  .rater-name {
    margin-block: 0 var(--_space);
  }
  .rater-name {
    font-weight: 600;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
    align-items: center;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .controls label {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: center;
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
  button,
  input[type='text'] {
    padding: 0.3em 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }
  input[type='file'] {
    max-width: 16em;
  }
  /* Empty, the live region stays in the page (out of sight) so that its first message is announced. */
  .notice:empty {
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
  }
  .notice {
    margin-block: calc(var(--_space) * 0.5) 0;
    padding: 0.4em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_highlight);
  }
  .axis {
    margin: 0 0 calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    padding-inline: 0.3em;
    font-weight: 700;
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.5em;
    padding-block: 0.3em;
  }
  .option > :not(input) {
    grid-column: 2;
  }
  .option input {
    grid-row: 1 / span 3;
    margin-block-start: 0.3em;
    accent-color: var(--_accent);
  }
  .level,
  .axis-name,
  .headline,
  .progress {
    font-weight: 600;
  }
  .headline {
    display: block;
  }
  .note {
    color: var(--_muted);
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    padding-block-end: 0.4em;
    color: var(--_muted);
  }
  th,
  td {
    padding: 0.3em 0.5em;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: middle;
  }
  thead th {
    background: var(--_surface-alt);
    font-size: 0.9em;
  }
  .scale {
    width: 32%;
    min-width: 13em;
  }
  /* The header names each column of the charts below it, in the same equal widths. */
  .names {
    display: flex;
  }
  .names span {
    flex: 1 1 0;
    min-width: 0;
    overflow-wrap: break-word;
    hyphens: auto;
    text-align: center;
    font-weight: 400;
    font-size: 0.8em;
    line-height: 1.2;
  }
  .track {
    display: block;
  }
  .track:dir(rtl) {
    transform: scaleX(-1);
  }
  .track line {
    stroke: var(--_border);
    stroke-width: 2;
  }
  .tick {
    fill: var(--_border);
  }
  .mine {
    fill: var(--_accent);
  }
  .target,
  .theirs {
    fill: none;
    stroke: var(--_text);
    stroke-width: 2;
  }
  .theirs {
    stroke-width: 1.5;
  }
  .open {
    color: var(--_muted);
  }
  .differs-mark {
    font-weight: 700;
  }
  tr.differs {
    background: var(--_highlight);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .legend li {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
  }
  .gaps,
  .grow,
  [part~='stall'],
  [part~='signals-below'] {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .gaps > li + li {
    margin-block-start: calc(var(--_space) * 0.75);
  }
  .axis-name {
    margin-inline-end: 0.4em;
  }
  .sides {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_space);
    margin-block-start: 0.3em;
  }
  .side p {
    margin: 0.2em 0 0;
  }
  .side strong {
    display: block;
  }
  @container (max-width: 560px) {
    .sides {
      grid-template-columns: 1fr;
      gap: 0.4em;
    }
    .scale {
      min-width: 7em;
    }
  }
  /* Paper: the summary only, on one or two pages. A dimension's gap prints
     its headlines (the expectation in a few words); capabilities and
     mechanisms, which have no headline, print their text. */
  @media print {
    :host {
      font-size: 8pt;
      line-height: 1.25;
    }
    .controls,
    .intro,
    .notice,
    .progress,
    form,
    .gaps > .dimension .side p {
      display: none;
    }
    th,
    td {
      padding-block: 0.1em;
    }
    .track {
      height: 14px;
    }
    .section-heading {
      margin-block: 0.8em 0.3em;
    }
    tr,
    .gaps > li {
      break-inside: avoid;
    }
    .gaps > li + li {
      margin-block-start: 0.35em;
    }
    /* A gap on one row: the area, then where the person is beside the target. */
    .gaps > li {
      display: grid;
      grid-template-columns: 9em 1fr 1fr;
      gap: 0 1em;
    }
    .gaps .size {
      grid-column: 1;
    }
    .gaps .axis-name {
      grid-row: 1;
    }
    .sides {
      display: contents;
    }
    .side {
      grid-row: 1 / span 2;
    }
    .side strong,
    .side .headline,
    .side p {
      display: inline;
    }
    .side strong::after {
      content: ': ';
    }
    .grow li {
      display: inline;
    }
    .grow li + li::before {
      content: ' · ';
    }
    .grow {
      padding: 0;
    }
  }
`;
