import { V1ManagedFieldsEntry } from '@kubernetes/client-node';
import { timeOf } from '../sources/kubernetes/workloads';
import { FieldWriter } from './types';

type FieldSet = Record<string, unknown>;

function descend(set: FieldSet | undefined, path: string[]): boolean {
  let node: unknown = set;
  for (const step of path) {
    if (!node || typeof node !== 'object') return false;
    node = (node as FieldSet)[step];
    if (node === undefined) return false;
  }
  return true;
}

/**
 * The field manager that last wrote `path` (a fieldsV1 path such as
 * `f:spec`, `f:template`, ..., `k:{"name":"web"}`, `f:livenessProbe`):
 * of every entry that owns the path, the one with the latest time. A
 * `kubectl patch` during an incident shows as `kubectl-patch`, Keel's bump
 * as `keel`, an apply as `Terraform` (or `helm`).
 */
export function lastWriter(
  entries: V1ManagedFieldsEntry[] | undefined,
  path: string[],
): FieldWriter | undefined {
  const owners = (entries ?? []).filter(e =>
    descend(e.fieldsV1 as FieldSet | undefined, path),
  );
  if (!owners.length) return undefined;
  const newest = owners.reduce((a, b) =>
    (timeOf(b.time) ?? 0) > (timeOf(a.time) ?? 0) ? b : a,
  );
  const time = timeOf(newest.time);
  return {
    manager: newest.manager ?? 'unknown',
    operation: newest.operation,
    time: time === undefined ? undefined : new Date(time).toISOString(),
  };
}

/** The fieldsV1 path of a container field in a Deployment's pod template. */
export function containerFieldPath(container: string, field: string): string[] {
  return [
    'f:spec',
    'f:template',
    'f:spec',
    'f:containers',
    `k:{"name":"${container}"}`,
    `f:${field}`,
  ];
}
