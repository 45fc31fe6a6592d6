import { valText } from '../model/blocks';
import {
  ContainerModel,
  DatabaseModel,
  InfraModel,
  SecretModel,
  Val,
} from '../model/types';
import { isUnresolved } from '../hcl/values';
import {
  databaseInUrl,
  HostTarget,
  hostsNamedIn,
  hostVariableTarget,
} from './hosts';

/**
 * What each pooler, workload and cron job connects to: poolers to the
 * databases in their `.ini`, workloads to the poolers and databases their
 * env values, commands and the Secrets they read name. A database on a
 * server resolves to the per-app database a name or URL path gives.
 */
export function linkDependencies(
  model: InfraModel,
  allDbs: DatabaseModel[],
  hosts: Map<string, HostTarget>,
) {
  const workloads = model.stacks.flatMap(s => s.workloads);
  const poolerByWorkload = new Map(
    model.stacks.flatMap(s => s.poolers).map(p => [p.workload.id, p]),
  );
  const perApp = new Map<string, DatabaseModel>();
  for (const d of allDbs) {
    const n = valText(d.name);
    if (d.role === 'database' && d.serverId && n && !d.sameAs)
      perApp.set(`${d.serverId}\0${n}`, d);
  }
  const perAppDb = (
    server: DatabaseModel | undefined,
    dbname: string | undefined,
  ) => (server && dbname ? perApp.get(`${server.id}\0${dbname}`) : undefined);
  const seenDeps = new Set<string>();
  const addDep = (
    fromId: string,
    t: HostTarget,
    dbname: string | undefined,
  ) => {
    let toId = t.id;
    if (t.kind === 'database') toId = perAppDb(t.db, dbname)?.id ?? t.id;
    const key = `${fromId}\0${toId}`;
    if (!seenDeps.has(key)) {
      seenDeps.add(key);
      model.dependencies.push({ fromId, toId, toKind: t.kind });
    }
  };

  // Poolers -> databases, from the [databases] section of the ini.
  for (const pooler of poolerByWorkload.values()) {
    for (const d of pooler.databases) {
      const t = d.host ? hosts.get(d.host) : undefined;
      if (t && t.kind === 'database') addDep(pooler.workload.id, t, d.dbname);
    }
  }

  // Secrets by namespace and name, and database roles by name, for what reads them.
  const secretsByName = new Map<string, SecretModel>();
  for (const st of model.stacks)
    for (const sec of st.secrets ?? [])
      secretsByName.set(`${sec.namespace ?? ''}/${sec.name}`, sec);
  const rolesByName = new Map<string, DatabaseModel>();
  for (const d of allDbs) if (d.vaultRole) rolesByName.set(d.vaultRole, d);
  const addDatabaseDep = (fromId: string, db: DatabaseModel) => {
    const toId = db.sameAs ?? db.id;
    const key = `${fromId}\0${toId}`;
    if (seenDeps.has(key)) return;
    seenDeps.add(key);
    model.dependencies.push({ fromId, toId, toKind: 'database' });
  };

  // Workloads and cron jobs -> poolers and databases, from their env values.
  const users: Array<{
    id: string;
    namespace?: Val<string>;
    containers: ContainerModel[];
  }> = [
    ...workloads.filter(w => w.role === 'service'),
    ...model.stacks.flatMap(s => s.cronJobs),
  ];
  for (const u of users) {
    // A command's text is read like an env value (`psql -h db.data ...`).
    const env = u.containers.flatMap(c => [
      ...c.env,
      ...(c.commands ?? []).map(text => ({
        name: '',
        value: text,
        fromSecret: undefined,
      })),
    ]);
    const dbname = env
      .filter(e =>
        /(DB|DATABASE)_?NAME$|__NAME$|^POSTGRES_DB$|^MYSQL_DATABASE$/i.test(
          e.name,
        ),
      )
      .map(e => (typeof e.value === 'string' ? e.value : undefined))
      .find(Boolean);
    const ns = valText(u.namespace);
    for (const e of env) {
      if (e.fromSecret) {
        const secret = secretsByName.get(`${ns ?? ''}/${e.fromSecret.name}`);
        for (const text of secret?.texts ?? []) {
          const t = hostVariableTarget(text, hosts, allDbs);
          if (t) addDep(u.id, t, databaseInUrl(text) ?? dbname);
          for (const { target, database } of hostsNamedIn(text, ns, hosts))
            addDep(u.id, target, database ?? dbname);
        }
        // Credentials read from a database role: the app's database on that role's server.
        for (const key of secret?.remoteKeys ?? []) {
          const role = rolesByName.get(key.split('/').pop() ?? '');
          if (role) addDatabaseDep(u.id, role);
        }
        continue;
      }
      // An unknown value (a password in a connection string) still has its
      // literal parts in the expression: the host is written there.
      const text = isUnresolved(e.value) ? e.value.unresolved : e.value;
      if (typeof text !== 'string') continue;
      if (isUnresolved(e.value)) {
        // `var.postgresql_host` from a var file we cannot read: the variable's
        // name still says which Service it points at.
        const t = hostVariableTarget(text, hosts, allDbs);
        if (t) addDep(u.id, t, dbname);
      }
      for (const { target, database } of hostsNamedIn(text, ns, hosts))
        addDep(u.id, target, database ?? dbname);
    }
  }
}
