import { Unresolved } from '../hcl/values';
import { str, valText } from '../model/blocks';
import { KNOWN_CHARTS } from '../model/helm';
import {
  ContainerModel,
  EnvVar,
  HelmReleaseModel,
  SourcePos,
  Val,
  WorkloadModel,
} from '../model/types';
import { editSite, ExtractContext, siteId } from './context';
import { declaredSettings, readHelmValues } from './helmValues';
import { ResourceSite } from './walk';

function envFromValues(
  hit: { value: unknown; at: SourcePos } | undefined,
): EnvVar[] {
  if (!hit || !Array.isArray(hit.value)) return [];
  return hit.value
    .filter(
      (e): e is { name: string; value?: unknown } =>
        !!e &&
        typeof e === 'object' &&
        typeof (e as { name?: unknown }).name === 'string',
    )
    .map(e => ({
      name: e.name,
      value:
        typeof e.value === 'string' ||
        typeof e.value === 'number' ||
        typeof e.value === 'boolean'
          ? e.value
          : undefined,
      at: hit.at,
    }));
}

function helmReplicas(written: unknown, fallback: number): Val<number> {
  if (typeof written === 'number') return written;
  if (written === undefined) return fallback;
  return new Unresolved(String(written), 'other');
}

/**
 * Every `helm_release`, whatever its chart, with what its values declare.
 * For a chart whose values layout the model knows ({@link KNOWN_CHARTS}),
 * the release also expands into the workloads it runs.
 */
export function extractHelmRelease(
  ctx: ExtractContext,
  site: ResourceSite,
): { release: HelmReleaseModel; workloads: WorkloadModel[] } {
  const { block: b, scope } = site;
  const id = siteId(b, site.instance, ctx.stack.dir);
  const chartVal = str(b, 'chart', scope) ?? new Unresolved('chart', 'other');
  const release = str(b, 'name', scope) ?? b.labels[1];
  const namespace = str(b, 'namespace', scope);
  const read = readHelmValues(ctx, site);
  const values = read.values;
  const source = editSite(site, ctx.stack.dir);
  const model: HelmReleaseModel = {
    id,
    stack: ctx.stack.name,
    address: site.instance.address,
    instance: site.instance,
    name: release,
    namespace,
    chart: chartVal,
    repository: str(b, 'repository', scope),
    version: str(b, 'version', scope),
    valuesFiles: read.files,
    valuesUnresolved: read.unresolved,
    declared: declaredSettings(values),
    workloadIds: [],
    source,
  };
  const chartName = valText(chartVal)?.split('/').pop();
  const chart = chartName ? KNOWN_CHARTS[chartName] : undefined;
  if (!chart) return { release: model, workloads: [] };
  const releaseName = valText(release) ?? b.labels[1];
  const repo =
    values.get(chart.imageKeys.repository)?.value ??
    chart.imageKeys.defaultRepository;
  const tag = values.get(chart.imageKeys.tag)?.value;
  const image = tag ? `${repo}:${tag}` : undefined;
  const sharedEnv = chart.sharedEnvKeys.flatMap(k =>
    envFromValues(values.get(k)),
  );
  const workloads = chart.workloads.map((cw): WorkloadModel => {
    const key = cw.valuesKey;
    const replicas = values.get(`${key}.replicas`);
    const res = (p: string) => {
      const hit = values.get(`${key}.resources.${p}`);
      return hit &&
        (typeof hit.value === 'string' || typeof hit.value === 'number')
        ? String(hit.value)
        : undefined;
    };
    const resourcesAt =
      values.get(`${key}.resources`)?.at ?? read.files[0] ?? source;
    const pdbEnabled = values.get(`${key}.pdb.enabled`)?.value;
    const pdbMin = values.get(`${key}.pdb.minAvailable`);
    const pdbMax = values.get(`${key}.pdb.maxUnavailable`);
    const podLabels = chart.podLabels(releaseName, cw.component);
    const objectName = chart.objectName(releaseName, cw.component);
    const strategy = values.get(`${key}.deploymentStrategy.type`);
    const container: ContainerModel = {
      name: cw.component,
      image,
      cpuRequest: res('requests.cpu'),
      memoryRequest: res('requests.memory'),
      cpuLimit: res('limits.cpu'),
      memoryLimit: res('limits.memory'),
      resourcesAt,
      cpuLimitAt: res('limits.cpu')
        ? values.get(`${key}.resources.limits.cpu`)?.at
        : undefined,
      env: [...sharedEnv, ...envFromValues(values.get(`${key}.env`))],
    };
    return {
      id: `${id}#${cw.component}`,
      stack: ctx.stack.name,
      kind: 'helm',
      address: `${site.instance.address}[${cw.component}]`,
      role: 'service',
      name: objectName,
      namespace,
      labels: {},
      podLabels,
      selector: podLabels,
      replicas: helmReplicas(replicas?.value, cw.defaultReplicas),
      replicasAt: replicas?.at,
      strategy:
        typeof strategy?.value === 'string' ? strategy.value : undefined,
      strategyAt: strategy?.at,
      containers: [container],
      volumes: [],
      volumeClaimTemplates: [],
      criticalPath: ctx.isCritical(objectName, {}),
      helm: {
        release,
        chart: chartVal,
        component: cw.component,
        valuesFile: read.files[0],
      },
      inlinePdb:
        pdbEnabled === true
          ? {
              minAvailable: pdbMin?.value as number | string | undefined,
              maxUnavailable: pdbMax?.value as number | string | undefined,
              source: (pdbMin ?? pdbMax ?? values.get(`${key}.pdb.enabled`))!
                .at,
            }
          : undefined,
      instance: site.instance,
      liveManaged: [],
      source,
    };
  });
  model.workloadIds = workloads.map(w => w.id);
  return { release: model, workloads };
}
