/**
 * The rollout-status check engine: sources (Kubernetes, PgBouncer,
 * PostgreSQL, HTTP probes, snapshots), checks as pure functions, the
 * preflight verdict, and the checks extension point. Used by the backend
 * plugin and the preflight CLI.
 *
 * @packageDocumentation
 */
export { readRolloutStatusConfig } from './config/readRolloutStatusConfig';
export type {
  RolloutStatusConfig,
  TargetConfig,
  KubernetesConnection,
} from './config/readRolloutStatusConfig';
export { DEFAULT_THRESHOLDS } from './config/schema';
export type { Thresholds } from './config/schema';
export { collectReadings } from './engine/collectReadings';
export { evaluateTarget } from './engine/evaluate';
export type { TargetReadings, CheckInput, CheckFunction } from './engine/types';
export { BUILT_IN_CHECKS, preflight } from './checks';
export {
  loadSnapshot,
  readingsFromSnapshot,
  snapshotSchema,
} from './sources/snapshot';
export type { Snapshot } from './sources/snapshot';
export type { SourceReading } from './sources/types';
export { rolloutStatusChecksExtensionPoint } from './extensions';
export type {
  RolloutStatusCheck,
  RolloutStatusChecksExtensionPoint,
} from './extensions';
export { loadTargets, loadTargetsWithModel } from './targets/loadTargets';
export {
  buildSimulatedCluster,
  createFixtureApiHandler,
  readLiveChanges,
} from './simulated';
export type { LiveChanges, RecordedKubernetes } from './simulated';
export { deriveTargets } from './targets/deriveTargets';
export type {
  DerivedTargetSpec,
  DerivedWorkload,
  DerivedHelmRelease,
} from './targets/types';
export { SharedReads } from './sources/sharedReads';
export { BootHistory } from './checks/bootTime';
