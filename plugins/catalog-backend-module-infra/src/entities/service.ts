import { Entity } from '@backstage/catalog-model';
import {
  EntityLink,
  INFRA_ENTITY_TYPES,
  IngressSummary,
  ServiceDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  IngressModel,
  StackModel,
  WorkloadModel,
} from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import { homepageLine, ingressAnnotations, tierTags } from './ingress';
import { describeInstance, infraEntity, instanceDetails } from './metadata';
import { plain } from './values';
import {
  describeLiveManaged,
  describeWorkload,
  workloadAnnotations,
  workloadFields,
} from './workloadFields';

/** Component type and details kind of a workload, by its Kubernetes kind. */
function componentType(w: WorkloadModel): ServiceDetails['kind'] {
  if (w.kind === 'daemon-set') return INFRA_ENTITY_TYPES.daemonSet;
  if (w.kind === 'job') return INFRA_ENTITY_TYPES.job;
  return INFRA_ENTITY_TYPES.service;
}

/** Refs of what a workload or cron job depends on (poolers, databases). */
export function dependsOnOf(ctx: EntityContext, id: string): string[] {
  return ctx.refs
    .links(ctx.index.dependenciesFrom(id).map(d => d.toId))
    .map(l => l.ref);
}

/** Links to what a workload or cron job depends on, of one kind. */
export function dependencyLinks(
  ctx: EntityContext,
  id: string,
  kind: 'pooler' | 'database',
): EntityLink[] {
  return ctx.refs.links(
    ctx.index
      .dependenciesFrom(id)
      .filter(d => d.toKind === kind)
      .map(d => d.toId),
  );
}

export function ingressSummary(
  ctx: EntityContext,
  i: IngressModel,
): IngressSummary | undefined {
  const link = ctx.refs.link(i.id);
  if (!link) return undefined;
  return {
    ...link,
    host: plain(i.host),
    authTier: plain(i.authTier) as IngressSummary['authTier'],
    paths: plain(Array.isArray(i.paths) ? i.paths : undefined),
    anubis: !!i.anubis,
  };
}

/** The ingress that serves the whole host, else the first. */
export function primaryIngress(list: IngressModel[]): IngressModel | undefined {
  return (
    list.find(i => !Array.isArray(i.paths) || i.paths.includes('/')) ?? list[0]
  );
}

/**
 * A Component per workload that is neither a pooler nor a database server:
 * type `service` (Deployment, StatefulSet, Helm-deployed), `daemon-set` or
 * `job`. It carries the exposure facts of its primary ingress, so the
 * catalog can be filtered by auth tier.
 */
export function serviceEntity(
  ctx: EntityContext,
  stack: StackModel,
  w: WorkloadModel,
): Entity {
  const r = ctx.refs.require(w.id);
  const ingresses = ctx.index.ingressesOf(w.id);
  const primary = primaryIngress(ingresses);
  const guarded = ctx.index.ingressesGuardedBy(w.id);
  const kind = componentType(w);
  const details: ServiceDetails = {
    kind,
    stack: stack.name,
    namespace: plain(w.namespace),
    source: ctx.src(w.source),
    instance: instanceDetails(w.instance),
    ...workloadFields(ctx, w),
    databases: dependencyLinks(ctx, w.id, 'database'),
    poolers: dependencyLinks(ctx, w.id, 'pooler'),
    ingresses: ingresses
      .map(i => ingressSummary(ctx, i))
      .filter((s): s is IngressSummary => !!s),
  };
  if (guarded.length)
    details.anubisFor = ctx.refs.links(guarded.map(i => i.id));
  const release = ctx.index.releaseOf(w.id);
  const releaseRef = release && ctx.refs.get(release.id)?.ref;
  const homepageText = homepageLine(primary);
  const homepage = homepageText ? `${homepageText}. ` : '';
  return infraEntity(ctx, {
    kind: 'Component',
    name: r.name,
    stack: stack.name,
    source: w.source,
    details,
    findingsOf: w.id,
    annotations: { ...workloadAnnotations(w), ...ingressAnnotations(primary) },
    title: r.display,
    description: `${homepage}${describeWorkload(w)} in stack ${
      stack.name
    }.${describeInstance(w.instance)}${describeLiveManaged(w)}`,
    tags: tierTags(primary?.authTier),
    spec: {
      type: kind,
      lifecycle: ctx.lifecycle,
      owner: ctx.ownerOf(stack.name),
      system: ctx.refs.system(stack.name)!.name,
      dependsOn: [
        ...dependsOnOf(ctx, w.id),
        ...(releaseRef ? [releaseRef] : []),
      ],
    },
  });
}
