// Registers every Altitude element. This is the entry of the one-file bundle
// served at /widgets-all.js (/widgets.js is the loader, src/autoload.ts); npm
// users can import it or a single component's define module instead.
export { LevelCompare } from './level-compare/define.js';
export { LevelCard } from './level-card/define.js';
export { FailureModeCard } from './failure-mode-card/define.js';
export { FailureModeGrid } from './failure-mode-grid/define.js';
export { LeverageMechanisms } from './leverage-mechanisms/define.js';
export { RoleHealthCheck } from './role-health-check/define.js';
export { SelfAssessment } from './self-assessment/define.js';
