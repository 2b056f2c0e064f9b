import { RoleHealthCheck } from './role-health-check.js';

if (!customElements.get('de-role-health-check')) customElements.define('de-role-health-check', RoleHealthCheck);

export { RoleHealthCheck };
