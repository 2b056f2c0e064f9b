import { SelfAssessment } from './self-assessment.js';

if (!customElements.get('de-self-assessment')) customElements.define('de-self-assessment', SelfAssessment);

export { SelfAssessment };
