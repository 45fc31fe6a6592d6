/**
 * Test utilities: the scenario builders, the bundled snapshots and a
 * Kubernetes API fixture server that serves them to the official client.
 *
 * @packageDocumentation
 */
export { startKubernetesFixtureServer } from './kubernetesFixtureServer';
export type {
  KubernetesFixtureServer,
  KubernetesFault,
} from './kubernetesFixtureServer';
export {
  readBundledSnapshot,
  recordedKubernetes,
  snapshotPath,
  SNAPSHOT_DIR,
} from './snapshots';
export { buildScenario, SCENARIOS } from './scenarios';
export type { ScenarioName } from './scenarios';
