import { LevelCard } from './level-card.js';

if (!customElements.get('de-level-card')) customElements.define('de-level-card', LevelCard);

export { LevelCard };
