import { css } from 'lit';

export const levelCompareStyles = css`
  :host {
    container-type: inline-size;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    min-width: 36rem;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th,
  td {
    padding: calc(var(--_space) * 0.6);
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_surface-alt);
  }
  tbody th {
    width: 11em;
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .headline {
    display: block;
    margin-block: 0 0.35em;
    padding: 0.1em 0.35em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_highlight);
    font-weight: 600;
  }
  /* A step from the neighbouring level: the arrow is decoration, the words say it. */
  .step::before {
    content: '→ ' / '';
    color: var(--_accent);
  }
  .step:dir(rtl)::before {
    content: '← ' / '';
  }
  .cards {
    display: none;
    gap: var(--_space);
  }
  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .card dl {
    margin: 0;
  }
  .card dt {
    margin-block-start: calc(var(--_space) * 0.75);
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .card dd {
    margin-block: 0.25em 0;
    margin-inline: 0;
  }
  .transitions {
    margin-block-start: calc(var(--_space) * 1.25);
  }
  .transitions ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .transition {
    padding: calc(var(--_space) * 0.75);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-alt);
  }
  .transition .name {
    font-weight: 700;
  }
  .skeleton-row {
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }
  .skeleton-row > * {
    flex: 1;
  }
  @container (max-width: 600px) {
    .table-wrap {
      display: none;
    }
    .cards {
      display: grid;
    }
    .skeleton-row {
      flex-direction: column;
    }
    .skeleton-row > :first-child {
      display: none;
    }
    .skeleton-row > * {
      flex: none;
    }
    .skeleton-row > .h10 {
      height: 10em;
    }
  }
  /* Rows grow taller as columns narrow; placeholders follow, so nothing jumps. */
  @container (min-width: 601px) and (max-width: 850px) {
    .skeleton-row > .h10 {
      height: 15.5em;
    }
  }
  @container (min-width: 851px) and (max-width: 1050px) {
    .skeleton-row > .h10 {
      height: 11em;
    }
  }
  @container (min-width: 1051px) {
    .skeleton-row > .h10 {
      height: 9em;
    }
  }
  @media print {
    .table-wrap {
      overflow: visible;
    }
    tr,
    .card,
    .transition {
      break-inside: avoid;
    }
    .headline {
      padding: 0;
    }
  }
`;
