import { LeverageMechanisms } from './leverage-mechanisms.js';

if (!customElements.get('de-leverage-mechanisms')) customElements.define('de-leverage-mechanisms', LeverageMechanisms);

export { LeverageMechanisms };
