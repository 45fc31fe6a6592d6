import {
  Evidence,
  Verdict,
} from '@internal/backstage-plugin-rollout-status-common';
import { KubernetesObjects } from '../sources/kubernetes/types';
import { findDeployment } from '../sources/kubernetes/workloads';
import { DerivedHelmRelease, DerivedTargetSpec } from '../targets/types';
import { Findings } from './helpers';
import { liveTags } from './livePodTags';
import { deploymentsOfRelease } from './targetWorkloads';
import { compareVersions, renderedTag } from './versionPin';

const KEEL_NAMESPACE_LABEL = 'keel.sh/enrolled';
const KEEL_POLICY = 'keel.sh/policy';

/** Whether Keel moves the release's images live, and what says so. */
function keelEnrolment(
  release: DerivedHelmRelease,
  spec: DerivedTargetSpec,
  k8s: KubernetesObjects,
  deploymentNames: string[],
): { enrolled: boolean | undefined; evidence: string } {
  if (k8s.namespaceLabels?.[KEEL_NAMESPACE_LABEL] === 'true')
    return {
      enrolled: true,
      evidence: `namespace label ${KEEL_NAMESPACE_LABEL}=true`,
    };
  const annotated = deploymentNames.find(n => {
    const d = findDeployment(n, k8s.deployments);
    return Boolean(
      d?.metadata?.annotations?.[KEEL_POLICY] ??
        d?.metadata?.labels?.[KEEL_POLICY],
    );
  });
  if (annotated)
    return { enrolled: true, evidence: `${annotated} has ${KEEL_POLICY}` };
  const declared = spec.workloads.find(
    w =>
      w.helmRelease === release.name &&
      w.liveManaged.some(f => f.field === 'image'),
  );
  if (declared)
    return {
      enrolled: true,
      evidence: `the Terraform hands ${declared.name}'s image to a live manager`,
    };
  if (k8s.namespaceLabels)
    return { enrolled: false, evidence: 'namespace not enrolled in Keel' };
  return {
    enrolled: undefined,
    evidence: `Keel enrolment unknown (${
      k8s.namespaceError ?? 'namespace not read'
    })`,
  };
}

/**
 * The version-pin verdict of one Helm release: the tag an apply renders
 * (the values key the Terraform pins, else the chart's appVersion, read
 * from the deployed release) against the tags its pods run. On a
 * Keel-enrolled namespace a mismatch means Keel moved the image and an
 * apply would change the version back.
 */
export function judgeHelmRelease(
  release: DerivedHelmRelease,
  spec: DerivedTargetSpec,
  k8s: KubernetesObjects,
): {
  verdict: Verdict;
  reasons: string[];
  evidence: Evidence[];
  data: Record<string, unknown>;
} {
  const findings = new Findings();
  const evidence: Evidence[] = [];
  const info = k8s.helmReleases?.[release.name];
  const declaredNames = spec.workloads
    .filter(w => w.helmRelease === release.name)
    .map(w => w.name);
  const deployments = [
    ...new Set([
      ...deploymentsOfRelease(release.name, k8s).map(
        d => d.metadata?.name ?? '',
      ),
      ...declaredNames.filter(n => findDeployment(n, k8s.deployments)),
    ]),
  ];
  const keel = keelEnrolment(release, spec, k8s, deployments);
  evidence.push({ label: `${release.name} Keel`, value: keel.evidence });
  if (!info) {
    findings.add(
      'unknown',
      `${release.name}: no deployed Helm release Secret sh.helm.release.v1.${release.name}.v* in namespace ${k8s.namespace}: what an apply renders is unknown`,
    );
    return {
      verdict: findings.verdict,
      reasons: findings.reasons,
      evidence,
      data: { release: release.name },
    };
  }
  const rendered = renderedTag(info, release.imageTag?.key);
  evidence.push({
    label: `${release.name} an apply renders`,
    value: `${rendered.tag ?? 'unknown'} (${rendered.from}; revision ${
      info.revision
    }, chart ${info.chartVersion ?? '?'})`,
  });
  if (!deployments.length) {
    findings.add('ok');
    evidence.push({
      label: `${release.name} pods`,
      value: 'no Deployment of this release found',
    });
    return {
      verdict: findings.verdict,
      reasons: findings.reasons,
      evidence,
      data: { release: release.name, rendered: rendered.tag },
    };
  }
  const running: string[] = [];
  for (const name of deployments) {
    const d = findDeployment(name, k8s.deployments);
    if (!d) continue;
    const { podTags, templateTag } = liveTags(d, k8s);
    running.push(...podTags);
    evidence.push({
      label: name,
      value: `pods run ${
        podTags.join(', ') || 'nothing yet'
      } (container statuses); template ${templateTag ?? 'has no tag'}`,
    });
    if (podTags.length > 1)
      findings.add(
        'warn',
        `${name}: its pods run different versions (${podTags.join(
          ', ',
        )}, from container statuses)`,
      );
    if (rendered.tag && podTags.length === 1 && podTags[0] !== rendered.tag) {
      const live = podTags[0];
      const cmp = compareVersions(rendered.tag, live);
      const keelText = keel.enrolled
        ? ` Keel moved it live (${keel.evidence}); bump the pin to ${live}`
        : '';
      findings.add(
        cmp !== undefined && cmp < 0 ? 'critical' : 'warn',
        `${
          release.name
        }: ${name}'s pods run ${live} (container statuses) but an apply renders ${
          rendered.tag
        } (${rendered.from}): the apply ${
          cmp !== undefined && cmp < 0 ? 'DOWNGRADES' : 'changes'
        } the version.${keelText}`,
      );
    }
  }
  if (!rendered.tag)
    findings.add(
      'unknown',
      `${release.name}: the release has no appVersion or image tag`,
    );
  findings.add('ok');
  return {
    verdict: findings.verdict,
    reasons: findings.reasons,
    evidence,
    data: {
      release: release.name,
      rendered: rendered.tag,
      running: [...new Set(running)],
      keel: keel.enrolled,
    },
  };
}
