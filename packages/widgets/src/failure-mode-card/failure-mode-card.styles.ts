import { css } from 'lit';

export const failureModeCardStyles = css`
  :host {
    container-type: inline-size;
  }
  @container (max-width: 480px) {
    .skeleton.card-tall {
      height: 52em;
    }
  }
  @container (max-width: 360px) {
    .skeleton.card-tall {
      height: 60em;
    }
  }
  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-block-start: 4px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .summary {
    margin-block-end: var(--_space);
  }
  ul.list {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  ul.list li + li {
    margin-block-start: 0.35em;
  }
  .practice-name {
    font-weight: 600;
  }
  @media print {
    .card {
      break-inside: avoid;
    }
  }
`;
