import { InfraModel } from '../model/types';
import { assignServers, mergeSameDatabases } from './databases';
import { linkDependencies } from './dependencies';
import { hostTargets } from './hosts';
import { assignNamespaceTiers } from './namespaceTiers';
import { linkIngresses, linkPdbs } from './selections';

/**
 * Links what refers to what across the repo, in order: namespace tiers,
 * the host names that reach poolers and database servers, the server of
 * each per-app database (one database declared twice is one), what each
 * workload connects to, PDBs to the workloads they select, ingresses to the
 * workload behind them. Runs again on every refresh, also over stacks a
 * refresh took from the cache, so every step starts from clean.
 */
export function linkModel(model: InfraModel) {
  assignNamespaceTiers(model);
  const allDbs = model.stacks.flatMap(s => s.databases);
  const hosts = hostTargets(model, allDbs);
  assignServers(allDbs, hosts);
  mergeSameDatabases(allDbs);
  linkDependencies(model, allDbs, hosts);
  linkPdbs(model);
  linkIngresses(model);
}
