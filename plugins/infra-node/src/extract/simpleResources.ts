import { first, intOrString, str, stringMap, valText } from '../model/blocks';
import { CronJobModel, PdbModel, ServiceModel } from '../model/types';
import { readContainers, readVolumes } from './containers';
import { at, editSite, ExtractContext, siteId } from './context';
import { readLifecycle } from './lifecycle';
import { ResourceSite } from './walk';

export const CRON_TYPES = new Set([
  'kubernetes_cron_job',
  'kubernetes_cron_job_v1',
]);
export const PDB_TYPES = new Set([
  'kubernetes_pod_disruption_budget',
  'kubernetes_pod_disruption_budget_v1',
]);
export const SERVICE_TYPES = new Set([
  'kubernetes_service',
  'kubernetes_service_v1',
]);
export const PVC_TYPES = new Set([
  'kubernetes_persistent_volume_claim',
  'kubernetes_persistent_volume_claim_v1',
]);
export const CONFIG_MAP_TYPES = new Set([
  'kubernetes_config_map',
  'kubernetes_config_map_v1',
]);
export const NAMESPACE_TYPES = new Set([
  'kubernetes_namespace',
  'kubernetes_namespace_v1',
]);

/** What every Kubernetes object instance has: where it is, and its name and namespace. */
function identity(ctx: ExtractContext, site: ResourceSite) {
  const meta = first(site.block, 'metadata', site.scope);
  return {
    id: siteId(site.block, site.instance, ctx.stack.dir),
    stack: ctx.stack.name,
    address: site.instance.address,
    instance: site.instance,
    name: str(meta, 'name', site.scope) ?? site.block.labels[1],
    namespace: str(meta, 'namespace', site.scope),
    source: editSite(site, ctx.stack.dir),
  };
}

export function extractCronJob(
  ctx: ExtractContext,
  site: ResourceSite,
): CronJobModel {
  const { block: b, scope } = site;
  const spec = first(b, 'spec', scope);
  const podSpec = first(
    first(
      first(first(spec, 'job_template', scope), 'spec', scope),
      'template',
      scope,
    ),
    'spec',
    scope,
  );
  return {
    ...identity(ctx, site),
    schedule: str(spec, 'schedule', scope),
    containers: readContainers(podSpec, scope),
    volumes: readVolumes(podSpec, scope),
    lifecycle: readLifecycle(b, ctx.commentsByFile.get(b.file) ?? []),
  };
}

export function extractPdb(ctx: ExtractContext, site: ResourceSite): PdbModel {
  const { block: b, scope } = site;
  const spec = first(b, 'spec', scope);
  const selector = first(spec, 'selector', scope);
  return {
    ...identity(ctx, site),
    minAvailable: intOrString(spec, 'min_available', scope),
    maxUnavailable: intOrString(spec, 'max_unavailable', scope),
    selector: selector ? stringMap(selector, 'match_labels', scope) : undefined,
  };
}

export function extractService(
  ctx: ExtractContext,
  site: ResourceSite,
): ServiceModel {
  const { block: b, scope } = site;
  const meta = first(b, 'metadata', scope);
  const spec = first(b, 'spec', scope);
  const selector = stringMap(spec, 'selector', scope);
  return {
    id: siteId(b, site.instance, ctx.stack.dir),
    stack: ctx.stack.name,
    name: str(meta, 'name', scope) ?? b.labels[1],
    namespace: str(meta, 'namespace', scope),
    selector: Object.keys(selector).length ? selector : undefined,
    source: at(b),
  };
}

/** A namespace's `tier` label (`0-core` ... `4-aux`), usually from the generated `local.tiers`. */
export function extractNamespaceTier(ctx: ExtractContext, site: ResourceSite) {
  const meta = first(site.block, 'metadata', site.scope);
  const name = valText(str(meta, 'name', site.scope));
  const tier = stringMap(meta, 'labels', site.scope).tier;
  if (name && tier) ctx.stack.namespaceTiers[name] = tier;
}
