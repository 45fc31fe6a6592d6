import { Entity } from '@backstage/catalog-model';
import { InfraModel } from '@internal/backstage-plugin-infra-node';
import { createEntityContext, EntityContextOptions } from './context';
import { cronJobEntity } from './cronJob';
import { databaseEntity } from './database';
import { helmReleaseEntity } from './helmRelease';
import { ingressEntity } from './ingress';
import { inlinePdbEntity, pdbBlockEntity } from './pdb';
import { poolerEntity } from './pooler';
import { serviceEntity } from './service';
import { systemEntity } from './system';

export type BuildInfraEntitiesOptions = EntityContextOptions;

/**
 * Turns the infra model into catalog entities, one way through three
 * steps: every entity's name and ref is decided first (`assignEntityRefs`,
 * so relations can point anywhere), then each kind has its own builder,
 * reading the model through the shared context. Relations go through spec
 * fields (`system`, `owner`, `dependsOn`, `dependencyOf`) so the stock
 * processors create them; findings land on the entity they are about.
 *
 * Per stack: the System, then workloads (services, DaemonSets and Jobs as
 * Components, poolers as Resources), cron jobs, PDBs, ingresses, databases
 * and Helm releases.
 */
export function buildInfraEntities(
  model: InfraModel,
  options: BuildInfraEntitiesOptions,
): Entity[] {
  const ctx = createEntityContext(model, options);
  const entities: Entity[] = [];
  for (const stack of model.stacks) {
    entities.push(systemEntity(ctx, stack));
    for (const w of stack.workloads) {
      if (w.role === 'service') entities.push(serviceEntity(ctx, stack, w));
      else if (w.role === 'pooler') entities.push(poolerEntity(ctx, stack, w));
      // Database servers run as workloads are database Resources (below).
    }
    for (const c of stack.cronJobs) entities.push(cronJobEntity(ctx, stack, c));
    for (const p of stack.pdbs) entities.push(pdbBlockEntity(ctx, stack, p));
    for (const w of stack.workloads) {
      if (w.inlinePdb)
        entities.push(
          inlinePdbEntity(ctx, stack, { ...w, inlinePdb: w.inlinePdb }),
        );
    }
    for (const i of stack.ingresses)
      entities.push(ingressEntity(ctx, stack, i));
    for (const d of stack.databases)
      if (!d.sameAs) entities.push(databaseEntity(ctx, stack, d));
    for (const h of stack.helmReleases)
      entities.push(helmReleaseEntity(ctx, stack, h));
  }
  return entities;
}
