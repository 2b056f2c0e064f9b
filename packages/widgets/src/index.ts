// The element classes, without registering them (see ./define.js for that).
export { LevelCompare } from './level-compare/level-compare.js';
export { LevelCard } from './level-card/level-card.js';
export { FailureModeCard } from './failure-mode-card/failure-mode-card.js';
export { FailureModeGrid } from './failure-mode-grid/failure-mode-grid.js';
export { LeverageMechanisms } from './leverage-mechanisms/leverage-mechanisms.js';
export { RoleHealthCheck } from './role-health-check/role-health-check.js';
export { SelfAssessment } from './self-assessment/self-assessment.js';
export { AltitudeElement } from './shared/altitude-element.js';
export { GraphqlClient, clientFor } from './client/graphql-client.js';
export { AltitudeRequestError } from './client/request-error.js';
export { resolveEndpoint } from './client/endpoint.js';
