import {
  CheckId,
  PREFLIGHT_CHECKS,
} from '@internal/backstage-plugin-rollout-status-common';
import { criticalWorkloads } from '../checks/targetWorkloads';
import { findDeployment } from '../sources/kubernetes/workloads';
import { TargetReadings } from './types';
import { TargetConfig } from '../config/readRolloutStatusConfig';

/**
 * The checks a target gets. A hand-configured target gets all of them
 * (each says unknown when its source is missing). A derived target gets
 * what its Terraform implies: the workload checks when it has critical-path
 * workloads, the version pin when it has Helm releases, drift when it
 * declares Deployments, and authentik's extra checks only when their
 * sources are configured (the session store when its outpost runs).
 */
export function applicableChecks(
  target: TargetConfig,
  readings: TargetReadings,
  all: CheckId[],
): { checks: CheckId[]; preflight: CheckId[] } {
  const spec = target.derived;
  // Drift needs the Terraform's declarations, which only derived targets have.
  if (!spec)
    return {
      checks: all.filter(id => id !== 'drift'),
      preflight: [...PREFLIGHT_CHECKS],
    };
  const k8s = readings.kubernetes?.ok ? readings.kubernetes.data : undefined;
  const critical =
    criticalWorkloads(target, k8s).length > 0 ||
    // Without live data a Helm release might render one: say unknown, not nothing.
    (!k8s && spec.helmReleases.length > 0);
  const keep = new Set<CheckId>();
  if (critical)
    ['replicas', 'pdb', 'rollout', 'probe-kills'].forEach(c =>
      keep.add(c as CheckId),
    );
  if (spec.helmReleases.length) keep.add('version-pin');
  if (spec.workloads.some(w => w.kind === 'deployment')) keep.add('drift');
  if (target.pgbouncer) keep.add('pool');
  if (target.postgres)
    ['lock-holders', 'db-connections'].forEach(c => keep.add(c as CheckId));
  if (target.http?.readyUrl) keep.add('authentik-ready');
  if (target.http?.forwardAuthUrl) keep.add('forward-auth');
  if (
    k8s &&
    findDeployment(target.kubernetes?.workloads.outpost ?? '', k8s.deployments)
  )
    keep.add('session-store');
  const checks = all.filter(id => keep.has(id));
  const preflight = (
    ['pdb', 'rollout', 'version-pin', 'lock-holders', 'drift'] as CheckId[]
  ).filter(id => keep.has(id));
  return { checks, preflight };
}
