import { css } from 'lit';

export const failureModeGridStyles = css`
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .grid > li > .card {
    height: 100%;
  }
`;
