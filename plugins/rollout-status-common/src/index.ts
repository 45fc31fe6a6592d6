/**
 * Check ids, verdicts and response types shared by the rollout-status
 * backend, its CLI and its frontend. Isomorphic.
 *
 * @packageDocumentation
 */
export * from './checks';
export * from './status';
export * from './permissions';
export * from './drift';
export * from './refresh';
