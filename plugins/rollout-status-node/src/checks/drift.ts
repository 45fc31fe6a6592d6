import { Evidence } from '@internal/backstage-plugin-rollout-status-common';
import { compareWorkload } from '../drift/compareWorkload';
import { DriftItem } from '../drift/types';
import { CheckFunction } from '../engine/types';
import { findDeployment } from '../sources/kubernetes/workloads';
import { Findings, requireReadings, result } from './helpers';

/**
 * Check: does what runs match what the Terraform declares? Every field an
 * apply would revert is drift (critical on a critical-path service: the
 * apply would undo a live change, such as an emergency probe patch, that
 * never reached a `.tf` file); fields handed to Keel or an autoscaler are
 * listed as managed and do not count.
 */
export const driftCheck: CheckFunction = ({ target, readings }) => {
  const id = 'drift';
  const got = requireReadings(
    id,
    { kubernetes: readings.kubernetes },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const k8s = got.data.kubernetes;
  const spec = target.derived;
  const findings = new Findings();
  const evidence: Evidence[] = [];
  const items: DriftItem[] = [];
  for (const w of spec?.workloads ?? []) {
    if (w.kind !== 'deployment') continue;
    const live = findDeployment(w.name, k8s.deployments);
    if (!live) {
      findings.add(
        w.criticalPath ? 'critical' : 'warn',
        `${w.name}: declared at ${w.source.file}:${w.source.line} but no such Deployment runs in ${k8s.namespace}`,
      );
      continue;
    }
    const found = compareWorkload(
      {
        targetId: target.id,
        stack: spec!.stack,
        namespace: spec!.namespace,
        workload: w.name,
        criticalPath: w.criticalPath,
      },
      w,
      live,
    );
    items.push(...found);
    const drifted = found.filter(i => i.status === 'drift');
    evidence.push({
      label: w.name,
      value: drifted.length
        ? `${drifted.length} field(s) differ from the Terraform`
        : `matches the Terraform${
            found.length
              ? ` (${found.length} field(s) managed live by design)`
              : ''
          }`,
    });
    for (const i of drifted) {
      const by = i.changedBy
        ? `, last written by ${i.changedBy.manager}${
            i.changedBy.time ? ` at ${i.changedBy.time}` : ''
          }`
        : '';
      findings.add(
        w.criticalPath ? 'critical' : 'warn',
        `${w.name}: ${i.field} is ${i.live} live, ${i.declared} in ${i.file}:${i.line}${by}: an apply would revert a live change`,
      );
    }
  }
  findings.add('ok');
  return result({
    id,
    verdict: findings.verdict,
    summary: findings.summary(
      'What runs matches the Terraform (managed fields aside)',
    ),
    reasons: findings.reasons,
    evidence,
    used: got.used,
    evaluatedAt: readings.evaluatedAt,
    data: { items },
  });
};
