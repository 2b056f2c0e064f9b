import { LevelCompare } from './level-compare.js';

if (!customElements.get('de-level-compare')) customElements.define('de-level-compare', LevelCompare);

export { LevelCompare };
