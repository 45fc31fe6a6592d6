import {
  attr,
  first,
  num,
  str,
  stringMap,
  sub,
  valText,
} from '../model/blocks';
import { DatabaseEngine, WorkloadKind, WorkloadModel } from '../model/types';
import { readContainers, readVolumes } from './containers';
import { at, editSite, ExtractContext, siteId } from './context';
import { liveManagedFields, readLifecycle } from './lifecycle';
import { readPvc } from './storage';
import { ResourceSite } from './walk';

export const WORKLOAD_TYPES: Record<string, Exclude<WorkloadKind, 'helm'>> = {
  kubernetes_deployment: 'deployment',
  kubernetes_deployment_v1: 'deployment',
  kubernetes_stateful_set: 'stateful-set',
  kubernetes_stateful_set_v1: 'stateful-set',
  kubernetes_daemonset: 'daemon-set',
  kubernetes_daemon_set_v1: 'daemon-set',
  kubernetes_job: 'job',
  kubernetes_job_v1: 'job',
};

/** Where each kind writes its rollout strategy (a Job has none). */
const STRATEGY_BLOCK: Record<Exclude<WorkloadKind, 'helm'>, string> = {
  deployment: 'strategy',
  'stateful-set': 'update_strategy',
  'daemon-set': 'update_strategy',
  job: '',
};

const POOLER_IMAGE = /(^|\/)pgbouncer(:|@|$)|pgbouncer/i;
const DATABASE_IMAGES: Array<[RegExp, DatabaseEngine]> = [
  [
    /(^|\/)(postgres|postgresql|postgis|timescaledb|pgvecto-rs|pgvector)(:|@|$)/i,
    'postgresql',
  ],
  [/(^|\/)(mysql|mariadb|percona-server)(:|@|$)/i, 'mysql'],
  [/(^|\/)(redis|valkey|keydb|dragonfly)(:|@|$)/i, 'redis'],
  [/(^|\/)(mongo|mongodb)(:|@|$)/i, 'mongodb'],
];

/** The engine a database image runs, from the image's name (not its registry or tag). */
export function databaseEngineOf(image: string): DatabaseEngine | undefined {
  return DATABASE_IMAGES.find(([re]) => re.test(image))?.[1];
}

/** A Deployment, StatefulSet, DaemonSet or Job resource instance. */
export function extractWorkload(
  ctx: ExtractContext,
  site: ResourceSite,
): WorkloadModel {
  const { block: b, scope } = site;
  const kind = WORKLOAD_TYPES[site.type];
  const meta = first(b, 'metadata', scope);
  const spec = first(b, 'spec', scope);
  const template = first(spec, 'template', scope);
  const podSpec = first(template, 'spec', scope);
  const labels = stringMap(meta, 'labels', scope);
  const annotations = stringMap(meta, 'annotations', scope);
  const podLabels = stringMap(
    first(template, 'metadata', scope),
    'labels',
    scope,
  );
  const selectorBlock = first(spec, 'selector', scope);
  const selector = selectorBlock
    ? stringMap(selectorBlock, 'match_labels', scope)
    : undefined;
  const name = str(meta, 'name', scope) ?? b.labels[1];
  const strategyBlock = first(spec, STRATEGY_BLOCK[kind], scope);
  const containers = readContainers(podSpec, scope);
  const id = siteId(b, site.instance, ctx.stack.dir);
  const volumeClaimTemplates = sub(spec, 'volume_claim_template', scope).map(
    t => readPvc(ctx, t, scope, 'volume-claim-template', `${id}#${t.line}`),
  );
  const replicasAttr = attr(spec, 'replicas');
  const comments = ctx.commentsByFile.get(b.file) ?? [];
  const w: WorkloadModel = {
    id,
    stack: ctx.stack.name,
    kind,
    address: site.instance.address,
    role: 'service',
    name,
    namespace: str(meta, 'namespace', scope),
    labels,
    podLabels,
    selector: selector && Object.keys(selector).length ? selector : undefined,
    // A DaemonSet runs one pod per node and a Job runs to completion: no replica count.
    replicas:
      kind === 'deployment' || kind === 'stateful-set'
        ? num(spec, 'replicas', scope)
        : undefined,
    replicasAt: replicasAttr ? at(b, replicasAttr.line) : undefined,
    strategy: str(strategyBlock, 'type', scope),
    strategyAt: strategyBlock ? at(strategyBlock) : undefined,
    containers,
    volumes: readVolumes(podSpec, scope),
    volumeClaimTemplates,
    lifecycle: readLifecycle(b, comments),
    criticalPath: ctx.isCritical(name, { ...labels, ...podLabels }),
    tier: labels.tier,
    instance: site.instance,
    liveManaged: liveManagedFields(b, comments, annotations),
    source: editSite(site, ctx.stack.dir),
  };
  const images = containers.map(c => valText(c.image) ?? '');
  if (images.some(i => POOLER_IMAGE.test(i))) w.role = 'pooler';
  const engine = images.map(databaseEngineOf).find(Boolean);
  if (engine && kind !== 'job') {
    w.role = 'database';
    w.engine = engine;
  }
  return w;
}
