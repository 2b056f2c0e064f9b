import { FailureModeGrid } from './failure-mode-grid.js';

if (!customElements.get('de-failure-mode-grid')) customElements.define('de-failure-mode-grid', FailureModeGrid);

export { FailureModeGrid };
