import { Entity } from '@backstage/catalog-model';
import {
  CronJobDetails,
  INFRA_ANNOTATIONS,
  INFRA_ENTITY_TYPES,
} from '@internal/backstage-plugin-infra-common';
import {
  CronJobModel,
  StackModel,
} from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import {
  ANNOTATION_KUBERNETES_NAMESPACE,
  describeInstance,
  infraEntity,
  instanceDetails,
} from './metadata';
import { dependencyLinks, dependsOnOf } from './service';
import { annotationText, plain, text } from './values';
import { containerDetails, storageOf } from './workloadFields';

/** A Component of type `cronjob` per `kubernetes_cron_job(_v1)` instance. */
export function cronJobEntity(
  ctx: EntityContext,
  stack: StackModel,
  c: CronJobModel,
): Entity {
  const r = ctx.refs.require(c.id);
  const first = c.containers[0];
  const details: CronJobDetails = {
    kind: 'cronjob',
    stack: stack.name,
    namespace: plain(c.namespace),
    source: ctx.src(c.source),
    instance: instanceDetails(c.instance),
    name: plain(c.name),
    schedule: plain(c.schedule),
    image: plain(first?.image),
    memoryRequest: plain(first?.memoryRequest),
    memoryLimit: plain(first?.memoryLimit),
    cpuRequest: plain(first?.cpuRequest),
    cpuLimit: plain(first?.cpuLimit),
    containers: c.containers.map(containerDetails),
    storage: storageOf(ctx, c.volumes, [], c.namespace),
    databases: dependencyLinks(ctx, c.id, 'database'),
    poolers: dependencyLinks(ctx, c.id, 'pooler'),
    namespaceTier: plain(c.namespaceTier),
  };
  const schedule = text(c.schedule);
  return infraEntity(ctx, {
    kind: 'Component',
    name: r.name,
    stack: stack.name,
    source: c.source,
    details,
    findingsOf: c.id,
    annotations: {
      [ANNOTATION_KUBERNETES_NAMESPACE]: text(c.namespace),
      [INFRA_ANNOTATIONS.tier]: annotationText(c.namespaceTier),
    },
    title: r.display,
    description: `CronJob ${r.display}${
      schedule ? ` (${schedule})` : ''
    } in stack ${stack.name}.${describeInstance(c.instance)}`,
    spec: {
      type: INFRA_ENTITY_TYPES.cronJob,
      lifecycle: ctx.lifecycle,
      owner: ctx.ownerOf(stack.name),
      system: ctx.refs.system(stack.name)!.name,
      dependsOn: dependsOnOf(ctx, c.id),
    },
  });
}
