export { buildSimulatedCluster } from './buildSimulatedCluster';
export { createFixtureApiHandler } from './fixtureApi';
export type { KubernetesFault, RecordedKubernetes } from './fixtureApi';
export { readLiveChanges } from './liveChanges';
export type { LiveChange, LiveChanges } from './liveChanges';
