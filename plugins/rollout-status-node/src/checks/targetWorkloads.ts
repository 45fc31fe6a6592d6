import { V1Deployment } from '@kubernetes/client-node';
import { TargetConfig } from '../config/readRolloutStatusConfig';
import { KubernetesObjects } from '../sources/kubernetes/types';
import { criticalPath } from './helpers';

/** Helm writes these on every object it installs. */
const HELM_RELEASE_ANNOTATION = 'meta.helm.sh/release-name';
const INSTANCE_LABEL = 'app.kubernetes.io/instance';
const OPT_IN_LABELS = ['critical-path', 'infra.homelab/critical-path'];

/** The Helm release a live Deployment belongs to, by Helm's annotation or the instance label. */
export function helmReleaseOf(d: V1Deployment): string | undefined {
  return (
    d.metadata?.annotations?.[HELM_RELEASE_ANNOTATION] ??
    d.metadata?.labels?.[INSTANCE_LABEL]
  );
}

/** Live Deployments a Helm release installed. */
export function deploymentsOfRelease(
  release: string,
  k8s: KubernetesObjects,
): V1Deployment[] {
  return k8s.deployments.filter(d => helmReleaseOf(d) === release);
}

/**
 * The critical-path Deployments a target covers. A hand-configured target
 * names them (server, worker, PgBouncer). A derived target takes the ones
 * the Terraform declares critical-path, plus the Deployments its Helm
 * releases render whose name matches the critical-path patterns (a chart
 * the model cannot expand, such as Traefik's, still names its Deployment
 * on the live object) or that opt in with a `critical-path` label.
 */
export function criticalWorkloads(
  target: TargetConfig,
  k8s: KubernetesObjects | undefined,
): Array<{ role: string; name: string }> {
  const spec = target.derived;
  if (!spec) return criticalPath(target);
  const out = new Map<string, string>();
  for (const w of spec.workloads) {
    if (!w.criticalPath) continue;
    if (w.kind !== 'deployment' && w.kind !== 'helm') continue;
    out.set(
      w.name,
      w.helmRelease ? `Helm release ${w.helmRelease}` : 'Terraform',
    );
  }
  const patterns = spec.criticalPathPatterns.map(p => new RegExp(p));
  for (const release of spec.helmReleases) {
    for (const d of k8s ? deploymentsOfRelease(release.name, k8s) : []) {
      const name = d.metadata?.name ?? '';
      const optIn = OPT_IN_LABELS.some(l => d.metadata?.labels?.[l] === 'true');
      if (!out.has(name) && (optIn || patterns.some(r => r.test(name))))
        out.set(name, `Helm release ${release.name}`);
    }
  }
  return [...out.entries()]
    .map(([name, role]) => ({ role, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
