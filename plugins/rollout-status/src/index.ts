/**
 * Rollout status for authentik and its PgBouncer: is it safe to roll now?
 *
 * @packageDocumentation
 */
export { rolloutStatusPlugin as default } from './alpha/plugin';
export { rolloutStatusApiRef } from './api/RolloutStatusApi';
export type { RolloutStatusApi } from './api/RolloutStatusApi';
export { RolloutStatusClient } from './api/RolloutStatusClient';
export { RolloutVerdicts } from './components/RolloutVerdicts';
