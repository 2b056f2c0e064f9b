// Registers every Altitude element. This is the entry of the self-contained
// bundle served at /widgets.js; npm users can import it or a single
// component's define module instead.
export { LevelCompare } from './level-compare/define.js';
export { LevelCard } from './level-card/define.js';
export { FailureModeCard } from './failure-mode-card/define.js';
export { FailureModeGrid } from './failure-mode-grid/define.js';
export { LeverageMechanisms } from './leverage-mechanisms/define.js';
