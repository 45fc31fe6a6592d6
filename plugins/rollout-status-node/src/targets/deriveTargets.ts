import {
  DEFAULT_CRITICAL_PATH,
  InfraModel,
  StackModel,
  Val,
  WorkloadModel,
  isUnresolved,
} from '@internal/backstage-plugin-infra-node';
import {
  DeclaredContainer,
  DerivedHelmRelease,
  DerivedTargetSpec,
  DerivedWorkload,
} from './types';

function known<T>(v: Val<T> | undefined): T | undefined {
  return v === undefined || isUnresolved(v) ? undefined : v;
}

function declaredContainers(w: WorkloadModel): DeclaredContainer[] {
  return w.containers.flatMap(c => {
    const name = known(c.name);
    if (!name) return [];
    return [
      {
        name,
        image: known(c.image),
        cpuRequest: known(c.cpuRequest),
        cpuLimit: known(c.cpuLimit),
        memoryRequest: known(c.memoryRequest),
        memoryLimit: known(c.memoryLimit),
        resourcesAt: c.resourcesAt,
        probes: c.probes,
        at: c.resourcesAt,
      },
    ];
  });
}

function toWorkload(w: WorkloadModel): DerivedWorkload | undefined {
  const name = known(w.name);
  if (!name) return undefined;
  return {
    name,
    kind: w.kind,
    criticalPath: w.criticalPath,
    helmRelease: w.helm ? known(w.helm.release) : undefined,
    replicas: known(w.replicas),
    replicasAt: w.replicasAt,
    strategy: known(w.strategy),
    strategyAt: w.strategyAt,
    containers: declaredContainers(w),
    liveManaged: w.liveManaged,
    source: w.source,
  };
}

/** Target id: the stack, or `<stack>-<namespace>` when the stack spans namespaces. */
function targetId(stack: string, namespace: string, several: boolean) {
  const raw = several && namespace !== stack ? `${stack}-${namespace}` : stack;
  return raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

function deriveStack(
  stack: StackModel,
  patterns: string[],
): Array<{ id: string; spec: DerivedTargetSpec }> {
  const byNamespace = new Map<string, DerivedTargetSpec>();
  const skipped: string[] = [];
  const specOf = (namespace: string) => {
    let spec = byNamespace.get(namespace);
    if (!spec) {
      spec = {
        stack: stack.name,
        namespace,
        workloads: [],
        helmReleases: [],
        criticalPathPatterns: patterns,
        skipped,
      };
      byNamespace.set(namespace, spec);
    }
    return spec;
  };
  for (const h of stack.helmReleases) {
    const name = known(h.name);
    const namespace = known(h.namespace);
    if (!name || !namespace) {
      skipped.push(
        `helm_release at ${h.source.file}:${h.source.line}: ${
          name ? 'namespace' : 'name'
        } is not static, so its live release cannot be found`,
      );
      continue;
    }
    const tag = h.declared.imageTag;
    const tagValue = tag ? known(tag.value) : undefined;
    const release: DerivedHelmRelease = {
      name,
      chart: known(h.chart) ?? String(h.chart),
      version: known(h.version),
      imageTag:
        tag && tagValue
          ? { value: tagValue, key: tag.key, at: tag.at }
          : undefined,
      source: h.source,
    };
    specOf(namespace).helmReleases.push(release);
  }
  for (const w of stack.workloads) {
    if (!w.criticalPath) continue;
    const namespace = known(w.namespace);
    const workload = toWorkload(w);
    if (!namespace || !workload) {
      skipped.push(
        `${w.address} at ${w.source.file}:${w.source.line}: name or namespace is not static`,
      );
      continue;
    }
    specOf(namespace).workloads.push(workload);
  }
  // Every Terraform-declared workload is compared with what runs (drift),
  // critical-path or not: a Deployment gets a target of its own namespace
  // when it has none (drift only); other kinds join an existing target.
  for (const w of stack.workloads) {
    if (w.criticalPath || w.kind === 'helm') continue;
    const namespace = known(w.namespace);
    const workload = toWorkload(w);
    if (!namespace || !workload) continue;
    const spec =
      w.kind === 'deployment' ? specOf(namespace) : byNamespace.get(namespace);
    spec?.workloads.push(workload);
  }
  const several = byNamespace.size > 1;
  return [...byNamespace.values()].map(spec => ({
    id: targetId(stack.name, spec.namespace, several),
    spec,
  }));
}

/**
 * The rollout targets the infra model implies: one per stack and namespace
 * that has a Helm release, a critical-path workload or a Terraform-declared
 * Deployment (which gets the drift check). Critical-path
 * workloads get the replica, PDB, rollout and probe-kill checks; every Helm
 * release gets the version-pin check.
 */
export function deriveTargets(
  model: InfraModel,
  options: { criticalPath?: ReadonlyArray<string> } = {},
): Array<{ id: string; title: string; spec: DerivedTargetSpec }> {
  const patterns = [...(options.criticalPath ?? DEFAULT_CRITICAL_PATH)];
  return model.stacks
    .flatMap(stack => deriveStack(stack, patterns))
    .map(({ id, spec }) => ({
      id,
      title:
        id === spec.stack ? spec.stack : `${spec.stack} (${spec.namespace})`,
      spec,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
