import { css } from 'lit';

export const stateStyles = css`
  .loading {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .skeleton {
    display: block;
    height: 1em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-alt);
    animation: pulse 1.4s ease-in-out infinite;
  }
  .skeleton.block {
    height: 4.5em;
  }
  /* Placeholder heights, in em so they scale with the text they stand for. */
  .skeleton.h2 {
    height: 2.5em;
  }
  .skeleton.h5 {
    height: 5em;
  }
  .skeleton.h8 {
    height: 8em;
  }
  .skeleton.h10 {
    height: 10em;
  }
  .skeleton.card-tall {
    height: 36em;
  }
  .skeleton.card-grid {
    height: 54em;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .error {
    padding: var(--_space);
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_error-surface);
    color: var(--_error);
  }
  .error strong {
    display: block;
    margin-block-end: 0.25em;
  }
  .sources {
    margin-block-start: var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .sources ul {
    margin-block: 0.25em 0;
    padding-inline-start: 1.25em;
  }
  /* The dagger on an interpreted item: small, muted, and no taller line for it. */
  .interpreted {
    margin-inline-start: 0.1em;
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 400;
    line-height: 0;
    cursor: help;
  }
  .interpreted-legend {
    margin-block: 0.5em 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
`;
