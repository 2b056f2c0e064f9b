import { css } from 'lit';

export const leverageMechanismsStyles = css`
  :host {
    container-type: inline-size;
  }
  @container (max-width: 600px) {
    .skeleton.card-tall {
      height: 27em;
    }
  }
  @container (min-width: 601px) and (max-width: 850px) {
    .skeleton.card-tall {
      height: 29em;
    }
  }
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    height: 100%;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-block-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .in-practice {
    margin-block: calc(var(--_space) * 0.5) 0;
    padding-inline-start: 1.25em;
  }
  .in-practice li + li {
    margin-block-start: 0.35em;
  }
  @media print {
    .card {
      break-inside: avoid;
    }
  }
`;
