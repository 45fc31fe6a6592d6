import { Entity } from '@backstage/catalog-model';
import {
  EntityLink,
  INFRA_ENTITY_TYPES,
  PoolerDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  PoolerModel,
  StackModel,
  WorkloadModel,
} from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import { describeInstance, infraEntity, instanceDetails } from './metadata';
import { dependsOnOf } from './service';
import { plain, text } from './values';
import { workloadAnnotations, workloadFields } from './workloadFields';

function poolerDescription(p: PoolerModel | undefined): string {
  if (!p) return 'PgBouncer connection pooler.';
  const mode = p.settings.pool_mode ? ` in ${p.settings.pool_mode} mode` : '';
  const dbs = p.databases.map(d => d.name).join(', ');
  return `PgBouncer${mode}${dbs ? ` fronting ${dbs}` : ''}.`;
}

/** `<service>.<namespace>.svc.cluster.local` of the Service selecting the pooler's pods. */
function serviceHostOf(
  stack: StackModel,
  w: WorkloadModel,
): string | undefined {
  const ns = text(w.namespace);
  const svc = stack.services.find(
    s =>
      text(s.namespace) === ns &&
      s.selector &&
      Object.entries(s.selector).every(
        ([k, v]) => (w.podLabels[k] ?? w.selector?.[k]) === v,
      ),
  );
  const name = svc ? text(svc.name) : undefined;
  return name && ns ? `${name}.${ns}.svc.cluster.local` : undefined;
}

/**
 * The database entity behind one `[databases]` entry: among what the
 * pooler depends on, the database of that `dbname`, else the first.
 */
function poolerTarget(
  ctx: EntityContext,
  poolerId: string,
  d: { dbname?: string },
): EntityLink | undefined {
  const targets = ctx.index
    .dependenciesFrom(poolerId)
    .map(x => ctx.index.database(x.toId))
    .filter(db => !!db);
  const named = targets.find(
    db => db!.role === 'database' && text(db!.name) === d.dbname,
  );
  const target = named ?? targets[0];
  return target ? ctx.refs.link(target.id) : undefined;
}

/** A Resource of type `connection-pooler` per PgBouncer workload, with its `.ini` settings. */
export function poolerEntity(
  ctx: EntityContext,
  stack: StackModel,
  w: WorkloadModel,
): Entity {
  const r = ctx.refs.require(w.id);
  const pooler = stack.poolers.find(p => p.workload.id === w.id);
  const details: PoolerDetails = {
    kind: 'connection-pooler',
    stack: stack.name,
    namespace: plain(w.namespace),
    source: ctx.src(w.source),
    instance: instanceDetails(w.instance),
    ...workloadFields(ctx, w),
    settings: pooler?.settings ?? {},
    databases: (pooler?.databases ?? []).map(d => ({
      ...d,
      target: poolerTarget(ctx, w.id, d),
    })),
    iniFile: pooler?.iniFile && ctx.src(pooler.iniFile),
    serviceHost: serviceHostOf(stack, w),
  };
  return infraEntity(ctx, {
    kind: 'Resource',
    name: r.name,
    stack: stack.name,
    source: w.source,
    details,
    findingsOf: w.id,
    annotations: workloadAnnotations(w),
    title: `${r.display} (${stack.name})`,
    description: `${poolerDescription(pooler)}${describeInstance(w.instance)}`,
    tags: ['pgbouncer'],
    spec: {
      type: INFRA_ENTITY_TYPES.connectionPooler,
      owner: ctx.ownerOf(stack.name),
      system: ctx.refs.system(stack.name)!.name,
      dependsOn: dependsOnOf(ctx, w.id),
    },
  });
}
