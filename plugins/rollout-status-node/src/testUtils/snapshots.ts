import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Snapshot, snapshotSchema } from '../sources/snapshot';
import { ScenarioName } from './scenarios';

/** The bundled snapshot files: the one source of truth for scenarios. */
export const SNAPSHOT_DIR = resolvePackagePath(
  '@internal/backstage-plugin-rollout-status-node',
  '../../examples/rollout-snapshots',
);

export function snapshotPath(name: ScenarioName): string {
  return resolve(SNAPSHOT_DIR, `${name}.json`);
}

export function readBundledSnapshot(name: ScenarioName): Snapshot {
  return snapshotSchema.parse(
    JSON.parse(readFileSync(snapshotPath(name), 'utf8')),
  );
}

/** The recorded Kubernetes section of a bundled snapshot (throws if it recorded a failure). */
export function recordedKubernetes(name: ScenarioName) {
  const k8s = readBundledSnapshot(name).kubernetes;
  if (!k8s || 'error' in k8s)
    throw new Error(`snapshot ${name} has no Kubernetes recording`);
  return k8s;
}
