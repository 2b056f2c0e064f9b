import { css } from 'lit';

export const levelCardStyles = css`
  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .summary {
    margin-bottom: var(--_space);
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
  .transitions {
    margin: 0;
    padding-left: 1.25em;
  }
  .transition-name {
    font-weight: 600;
  }
  @container (max-width: 480px) {
    dl {
      grid-template-columns: 1fr;
    }
    .skeleton.h5 {
      height: 8em;
    }
    dd {
      margin-bottom: calc(var(--_space) * 0.5);
    }
  }
  :host {
    container-type: inline-size;
  }
  @container (max-width: 360px) {
    .skeleton.h5 {
      height: 9.5em;
    }
  }
  @container (min-width: 1000px) {
    .skeleton.h5 {
      height: 3.5em;
    }
  }
  @media print {
    .card {
      break-inside: avoid;
    }
  }
`;
