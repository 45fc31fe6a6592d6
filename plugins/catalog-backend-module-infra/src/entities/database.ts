import { Entity } from '@backstage/catalog-model';
import {
  DatabaseDetails,
  INFRA_ENTITY_TYPES,
} from '@internal/backstage-plugin-infra-common';
import {
  DatabaseEngine,
  DatabaseModel,
  StackModel,
} from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import { infraEntity } from './metadata';
import { plain } from './values';
import {
  storageOf,
  workloadAnnotations,
  workloadFields,
} from './workloadFields';

const ENGINE_NAMES: Record<DatabaseEngine, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  redis: 'Redis',
  mongodb: 'MongoDB',
  unknown: 'Database',
};

/** How the repo declares it, for the description. */
const DECLARED_BY: Record<DatabaseModel['declaredBy'], string> = {
  'cnpg-cluster': 'a CloudNativePG Cluster',
  workload: 'a workload running its image',
  'terraform-resource': 'a Terraform database resource',
  'vault-static-role': 'a Vault static role',
  'create-database': 'a CREATE DATABASE job',
  'workload-config': 'the configuration of a workload that uses it',
};

/**
 * A Resource of type `database` per server (CNPG cluster, a database
 * StatefulSet) and per database on a server, `dependsOn` its server.
 */
export function databaseEntity(
  ctx: EntityContext,
  stack: StackModel,
  d: DatabaseModel,
): Entity {
  const r = ctx.refs.require(d.id);
  const server = d.serverId ? ctx.refs.get(d.serverId) : undefined;
  const details: DatabaseDetails = {
    kind: 'database',
    stack: stack.name,
    namespace: plain(d.namespace),
    source: ctx.src(d.source),
    engine: d.engine,
    role: d.role,
    declaredBy: d.declaredBy,
    name: plain(d.name),
    server: d.serverId ? ctx.refs.link(d.serverId) : undefined,
    hosts: d.hosts.filter(h => h.endsWith('.svc.cluster.local')),
    instances: plain(d.instances),
    image: plain(d.image),
    storage: storageOf(ctx, [], d.storage, d.namespace),
    workload: d.workload ? workloadFields(ctx, d.workload) : undefined,
  };
  const also = (d.alsoDeclared ?? [])
    .map(
      a => `${DECLARED_BY[a.declaredBy]} (${a.source.file}:${a.source.line})`,
    )
    .join(', ');
  const declared = DECLARED_BY[d.declaredBy]
    ? ` Declared by ${DECLARED_BY[d.declaredBy]}${
        also ? `, and by ${also}` : ''
      }.`
    : '';
  return infraEntity(ctx, {
    kind: 'Resource',
    name: r.name,
    stack: stack.name,
    source: d.source,
    details,
    findingsOf: d.workload ? [d.id, d.workload.id] : d.id,
    annotations: d.workload ? workloadAnnotations(d.workload) : {},
    title:
      d.role === 'database'
        ? `${r.display} (${d.engine} database)`
        : `${r.display} (${d.engine})`,
    description:
      d.role === 'database'
        ? `Database ${r.display} on ${
            server?.display ?? 'an unknown server'
          }.${declared}`
        : `${ENGINE_NAMES[d.engine] ?? ENGINE_NAMES.unknown} server ${
            r.display
          } in stack ${stack.name}.${declared}`,
    tags: [d.engine],
    spec: {
      type: INFRA_ENTITY_TYPES.database,
      owner: ctx.ownerOf(stack.name),
      system: ctx.refs.system(stack.name)!.name,
      dependsOn: server ? [server.ref] : [],
    },
  });
}
