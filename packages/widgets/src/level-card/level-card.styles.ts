import { css } from 'lit';

export const levelCardStyles = css`
  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-block-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .summary {
    margin-block-end: var(--_space);
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: minmax(8em, 12em) 1fr;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .headline {
    display: block;
    font-weight: 600;
  }
  .transitions,
  .signals {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .signals li + li {
    margin-block-start: 0.35em;
  }
  /* A sign is one short paragraph; its dagger follows the last word. */
  .signals .rich,
  .signals .rich > :last-child {
    display: inline;
  }
  .transition-name {
    font-weight: 600;
  }
  /* The placeholder for the signs of operating below the level, heading included. */
  .skeleton.signals {
    height: 12em;
  }
  @container (max-width: 480px) {
    dl {
      grid-template-columns: 1fr;
    }
    .skeleton.h5 {
      height: 8em;
    }
    .skeleton.signals {
      height: 18em;
    }
    dd {
      margin-block-end: calc(var(--_space) * 0.5);
    }
  }
  :host {
    container-type: inline-size;
  }
  @container (max-width: 360px) {
    .skeleton.h5 {
      height: 9.5em;
    }
    .skeleton.signals {
      height: 19.5em;
    }
  }
  @container (min-width: 1000px) {
    .skeleton.h5 {
      height: 3.5em;
    }
    .skeleton.signals {
      height: 8.5em;
    }
  }
  @media print {
    .card {
      break-inside: avoid;
    }
  }
`;
