import { Entity } from '@backstage/catalog-model';
import {
  HelmReleaseDetails,
  INFRA_ENTITY_TYPES,
  LiveManagedDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  HelmReleaseModel,
  StackModel,
} from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import {
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
  describeInstance,
  infraEntity,
  instanceDetails,
} from './metadata';
import { plain, text } from './values';
import { liveManagedDetails } from './workloadFields';

/** The label Helm's standard chart labels set to the release name. */
const HELM_INSTANCE_LABEL = 'app.kubernetes.io/instance';

function declaredDetails(
  ctx: EntityContext,
  d: HelmReleaseModel['declared'],
): HelmReleaseDetails['declared'] {
  const out: HelmReleaseDetails['declared'] = {};
  if (d.replicas)
    out.replicas = {
      value: plain(d.replicas.value),
      key: d.replicas.key,
      source: ctx.src(d.replicas.at),
    };
  if (d.pdb) {
    const { at, ...pdb } = d.pdb;
    out.pdb = { ...plain(pdb), source: ctx.src(at) };
  }
  if (d.imageTag)
    out.imageTag = {
      value: plain(d.imageTag.value),
      key: d.imageTag.key,
      source: ctx.src(d.imageTag.at),
    };
  if (d.imageRepository)
    out.imageRepository = {
      value: plain(d.imageRepository.value),
      key: d.imageRepository.key,
      source: ctx.src(d.imageRepository.at),
    };
  if (d.resources) {
    const { at, ...resources } = d.resources;
    out.resources = { ...plain(resources), source: ctx.src(at) };
  }
  return out;
}

/** Live-managed fields of the release's workloads, once per field and manager. */
function releaseLiveManaged(
  ctx: EntityContext,
  h: HelmReleaseModel,
): LiveManagedDetails[] {
  const seen = new Set<string>();
  return h.workloadIds
    .flatMap(id => ctx.index.workload(id)?.liveManaged ?? [])
    .filter(f => {
      const key = `${f.field}\0${f.manager}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(f => liveManagedDetails(ctx, [f])[0]);
}

function describeRelease(
  h: HelmReleaseModel,
  stack: StackModel,
  liveManaged: LiveManagedDetails[],
): string {
  const chart = text(h.chart) ?? 'an unresolved chart';
  const version = text(h.version);
  const repo = text(h.repository);
  const tag = h.declared.imageTag && text(h.declared.imageTag.value);
  const image = liveManaged.find(f => f.field === 'image');
  let pin = '';
  if (tag)
    pin = image
      ? ` Image tag pinned to ${tag}, a seed; managed live by ${image.manager}.`
      : ` Image tag pinned to ${tag}.`;
  return `Helm release of chart ${chart}${version ? ` ${version}` : ''}${
    repo ? ` from ${repo}` : ''
  } in stack ${stack.name}.${pin}${describeInstance(h.instance)}`;
}

/**
 * A Resource of type `helm-release` per `helm_release`, whatever the chart:
 * chart, repository, version, namespace and what its values declare. The
 * workloads it deploys (charts whose workloads the model knows) depend on it.
 */
export function helmReleaseEntity(
  ctx: EntityContext,
  stack: StackModel,
  h: HelmReleaseModel,
): Entity {
  const r = ctx.refs.require(h.id);
  const liveManaged = releaseLiveManaged(ctx, h);
  const details: HelmReleaseDetails = {
    kind: 'helm-release',
    stack: stack.name,
    namespace: plain(h.namespace),
    source: ctx.src(h.source),
    instance: instanceDetails(h.instance),
    name: plain(h.name),
    chart: plain(h.chart),
    repository: plain(h.repository),
    version: plain(h.version),
    valuesFiles: h.valuesFiles.map(ctx.src),
    valuesUnresolved: h.valuesUnresolved,
    declared: declaredDetails(ctx, h.declared),
    workloads: ctx.refs.links(h.workloadIds),
    liveManaged,
  };
  const chart = text(h.chart);
  return infraEntity(ctx, {
    kind: 'Resource',
    name: r.name,
    stack: stack.name,
    source: h.source,
    details,
    findingsOf: h.id,
    annotations: {
      [ANNOTATION_KUBERNETES_NAMESPACE]: text(h.namespace),
      // Charts label what they render with the release name (Helm's
      // standard labels), so the stock Kubernetes tab finds the release's
      // pods even when the model does not expand the chart.
      [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: text(h.name)
        ? `${HELM_INSTANCE_LABEL}=${text(h.name)}`
        : undefined,
    },
    title: `${r.display} (Helm${chart ? ` ${chart}` : ''}${
      text(h.version) ? ` ${text(h.version)}` : ''
    })`,
    description: describeRelease(h, stack, liveManaged),
    tags: ['helm'],
    spec: {
      type: INFRA_ENTITY_TYPES.helmRelease,
      owner: ctx.ownerOf(stack.name),
      system: ctx.refs.system(stack.name)!.name,
    },
  });
}
