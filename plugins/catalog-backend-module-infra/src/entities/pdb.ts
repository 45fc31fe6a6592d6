import { Entity } from '@backstage/catalog-model';
import {
  EntityLink,
  INFRA_ENTITY_TYPES,
  PdbDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  PdbModel,
  SourcePos,
  StackModel,
  WorkloadModel,
} from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import {
  ANNOTATION_KUBERNETES_NAMESPACE,
  describeInstance,
  infraEntity,
  instanceDetails,
} from './metadata';
import { EntityRefInfo, inlinePdbId } from './refs';
import { plain, text } from './values';

/** The model values a PDB entity's description and annotations are written from. */
interface PdbBounds {
  minAvailable?: PdbModel['minAvailable'];
  maxUnavailable?: PdbModel['maxUnavailable'];
  namespace?: PdbModel['namespace'];
  instance?: PdbModel['instance'];
}

function pdbSetting(b: PdbBounds): string {
  const min = text(b.minAvailable);
  const max = text(b.maxUnavailable);
  if (min) return ` (minAvailable ${min})`;
  return max ? ` (maxUnavailable ${max})` : '';
}

function pdbEntity(
  ctx: EntityContext,
  stack: StackModel,
  r: EntityRefInfo,
  at: SourcePos,
  details: PdbDetails,
  bounds: PdbBounds,
): Entity {
  return infraEntity(ctx, {
    kind: 'Resource',
    name: r.name,
    stack: stack.name,
    source: at,
    details,
    annotations: { [ANNOTATION_KUBERNETES_NAMESPACE]: text(bounds.namespace) },
    title: `${r.display} PDB`,
    description: `PodDisruptionBudget ${r.display}${pdbSetting(
      bounds,
    )}.${describeInstance(bounds.instance)}`,
    spec: {
      type: INFRA_ENTITY_TYPES.podDisruptionBudget,
      owner: ctx.ownerOf(stack.name),
      system: ctx.refs.system(stack.name)!.name,
      // The PDB protects what it selects: those entities depend on it.
      dependencyOf: details.selects.map(s => s.ref),
    },
  });
}

/** A Resource per `kubernetes_pod_disruption_budget(_v1)`, `dependencyOf` the workloads it selects. */
export function pdbBlockEntity(
  ctx: EntityContext,
  stack: StackModel,
  p: PdbModel,
): Entity {
  const selects: EntityLink[] = ctx.refs.links(
    ctx.model.pdbTargets.get(p.id) ?? [],
  );
  const details: PdbDetails = {
    kind: 'pod-disruption-budget',
    stack: stack.name,
    namespace: plain(p.namespace),
    source: ctx.src(p.source),
    instance: instanceDetails(p.instance),
    name: plain(p.name),
    minAvailable: plain(p.minAvailable),
    maxUnavailable: plain(p.maxUnavailable),
    selector: p.selector,
    selects,
  };
  return pdbEntity(ctx, stack, ctx.refs.require(p.id), p.source, details, p);
}

/** A Resource for the PDB a workload's Helm values declare (no PDB block of its own). */
export function inlinePdbEntity(
  ctx: EntityContext,
  stack: StackModel,
  w: WorkloadModel & { inlinePdb: NonNullable<WorkloadModel['inlinePdb']> },
): Entity {
  const target = ctx.refs.link(w.id);
  const details: PdbDetails = {
    kind: 'pod-disruption-budget',
    stack: stack.name,
    namespace: plain(w.namespace),
    source: ctx.src(w.inlinePdb.source),
    instance: instanceDetails(w.instance),
    name: plain(w.name),
    minAvailable: plain(w.inlinePdb.minAvailable),
    maxUnavailable: plain(w.inlinePdb.maxUnavailable),
    selector: w.selector,
    selects: target ? [target] : [],
  };
  return pdbEntity(
    ctx,
    stack,
    ctx.refs.require(inlinePdbId(w.id)),
    w.inlinePdb.source,
    details,
    { ...w.inlinePdb, namespace: w.namespace, instance: w.instance },
  );
}
