import { valText } from '../model/blocks';
import { DatabaseModel } from '../model/types';
import { HostTarget, hostsNamedIn, hostVariableTarget } from './hosts';

/**
 * The server each per-app database lives on: the one its own host names
 * (a Vault connection URL, `psql -h <host>` in the command that creates
 * it), else the one server of its engine in its stack, else in the repo.
 * Ambiguity leaves it without a server.
 */
export function assignServers(
  allDbs: DatabaseModel[],
  hosts: Map<string, HostTarget>,
) {
  for (const db of allDbs) {
    if (db.role !== 'database') continue;
    // Linking runs again on a refresh over stacks it did not rebuild: start clean.
    db.serverId = undefined;
    const servers = allDbs.filter(
      d => d.role === 'cluster' && d.engine === db.engine,
    );
    const inStack = servers.filter(s => s.stack === db.stack);
    if (inStack.length === 1) db.serverId = inStack[0].id;
    else if (servers.length === 1) db.serverId = servers[0].id;
  }

  // A per-app database that names its server's host (a Vault connection URL,
  // `psql -h <host>` in the command that creates it) lives there.
  for (const db of allDbs) {
    if (db.role !== 'database') continue;
    const named = [
      ...db.hosts.map(h => hosts.get(h)),
      ...(db.connection
        ? [
            hostVariableTarget(db.connection, hosts, allDbs),
            ...hostsNamedIn(db.connection, valText(db.namespace), hosts).map(
              h => h.target,
            ),
          ]
        : []),
    ].find(t => t?.kind === 'database');
    if (named) db.serverId = named.id;
  }
}

/** Which declaration stands for a database declared several ways: what creates it first. */
const DECLARATION_RANK: Record<DatabaseModel['declaredBy'], number> = {
  'terraform-resource': 0,
  'create-database': 0,
  'cnpg-cluster': 0,
  workload: 0,
  'vault-static-role': 1,
  'workload-config': 2,
};

/**
 * One database declared several ways (created by a job in one stack, given
 * a Vault role in another) is one database: the others point at it. Reset
 * first, since linking runs again over stacks a refresh did not rebuild.
 */
export function mergeSameDatabases(dbs: DatabaseModel[]) {
  const groups = new Map<string, DatabaseModel[]>();
  for (const d of dbs) {
    d.sameAs = undefined;
    d.alsoDeclared = undefined;
    const name = valText(d.name);
    if (d.role !== 'database' || !d.serverId || !name) continue;
    const key = `${d.serverId}\0${name}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [primary, ...others] = [...group].sort(
      (a, b) =>
        DECLARATION_RANK[a.declaredBy] - DECLARATION_RANK[b.declaredBy] ||
        (a.id < b.id ? -1 : 1),
    );
    for (const o of others) o.sameAs = primary.id;
    primary.alsoDeclared = others.map(o => ({
      declaredBy: o.declaredBy,
      source: o.source,
    }));
  }
}
