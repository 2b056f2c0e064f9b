import type { Framework } from '../graph/types.js';

/** What every resolver sees: the framework as loaded for this request. */
export interface AltitudeContext {
  readonly framework: Framework;
}
