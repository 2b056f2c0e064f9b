import { FailureModeCard } from './failure-mode-card.js';

if (!customElements.get('de-failure-mode-card')) customElements.define('de-failure-mode-card', FailureModeCard);

export { FailureModeCard };
