import {
  ContainerModel,
  DatabaseModel,
  InfraModel,
  SecretModel,
  Val,
  WorkloadModel,
} from '../model/types';
import { sameVal, valText } from '../model/blocks';
import { isUnresolved } from '../hcl/values';
import { hostForms } from '../extract/operators';

// --- linking ----------------------------------------------------------------

function labelsMatch(
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function podLabelsOf(w: WorkloadModel): Record<string, string> {
  return Object.keys(w.podLabels).length ? w.podLabels : w.selector ?? {};
}

type HostTarget = {
  kind: 'pooler' | 'database';
  id: string;
  db?: DatabaseModel;
};

/**
 * Links what refers to what across the repo: PDBs to the workloads they
 * select, ingresses to the workload behind their service (through Anubis
 * when it fronts them), poolers to the databases in their `.ini`, and
 * workloads and cron jobs to the poolers and databases their env points at.
 */
export function linkModel(model: InfraModel) {
  const workloads = model.stacks.flatMap(s => s.workloads);
  const poolerByWorkload = new Map(
    model.stacks.flatMap(s => s.poolers).map(p => [p.workload.id, p]),
  );

  assignNamespaceTiers(model);
  const allDbs = model.stacks.flatMap(s => s.databases);
  const dbById = new Map(allDbs.map(d => [d.id, d]));

  // Per-app databases live on the one server of their engine in their stack, else in the repo.
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

  // Host names that reach poolers and database servers.
  const hosts = new Map<string, HostTarget>();
  for (const db of allDbs)
    if (db.role === 'cluster')
      for (const h of db.hosts)
        hosts.set(h, { kind: 'database', id: db.id, db });
  for (const stack of model.stacks) {
    for (const svc of stack.services) {
      const n = valText(svc.name);
      const ns = valText(svc.namespace);
      if (!n || !ns) continue;
      let target: HostTarget | undefined;
      const selected = stack.workloads.find(
        w =>
          valText(w.namespace) === ns &&
          labelsMatch(svc.selector, podLabelsOf(w)),
      );
      if (selected?.role === 'pooler')
        target = { kind: 'pooler', id: selected.id };
      else if (selected?.role === 'database') {
        const db = dbById.get(selected.id);
        if (db) target = { kind: 'database', id: db.id, db };
      } else if (
        svc.selector &&
        Object.keys(svc.selector).some(k => k.startsWith('cnpg.io/'))
      ) {
        const clusters = allDbs.filter(
          d =>
            d.role === 'cluster' &&
            d.engine === 'postgresql' &&
            valText(d.namespace) === ns,
        );
        const byName = svc.selector['cnpg.io/cluster'];
        const cluster = byName
          ? clusters.find(c => valText(c.name) === byName)
          : clusters.find(() => clusters.length === 1);
        if (cluster) target = { kind: 'database', id: cluster.id, db: cluster };
      }
      if (target) for (const h of hostForms(n, ns)) hosts.set(h, target);
    }
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
            ...hostsNamedIn(db.connection, valText(db.namespace), hosts).map(h => h.target),
          ]
        : []),
    ].find(t => t?.kind === 'database');
    if (named) db.serverId = named.id;
  }

  mergeSameDatabases(allDbs);

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

  // PDBs -> workloads they select.
  for (const stack of model.stacks) {
    for (const pdb of stack.pdbs) {
      const targets = stack.workloads.filter(
        w =>
          sameVal(w.namespace, pdb.namespace) &&
          labelsMatch(pdb.selector, podLabelsOf(w)),
      );
      model.pdbTargets.set(
        pdb.id,
        targets.map(w => w.id),
      );
    }
  }

  // Ingresses -> the workload behind their service (through Anubis when it fronts them).
  for (const stack of model.stacks) {
    const findWorkload = (
      svcName: string | undefined,
      ns: string | undefined,
    ) => {
      if (!svcName) return undefined;
      const svc = stack.services.find(
        s =>
          valText(s.name) === svcName && (!ns || valText(s.namespace) === ns),
      );
      if (svc) {
        const w = stack.workloads.find(
          x =>
            sameVal(x.namespace, svc.namespace) &&
            labelsMatch(svc.selector, podLabelsOf(x)),
        );
        if (w) return w;
      }
      return stack.workloads.find(
        x =>
          valText(x.name) === svcName && (!ns || valText(x.namespace) === ns),
      );
    };
    for (const ing of stack.ingresses) {
      let svcName = valText(ing.serviceName);
      let ns = valText(ing.namespace);
      if (ing.anubis) {
        const a = stack.anubis.find(x => x.moduleName === ing.anubis);
        const url = valText(a?.targetUrl);
        const m = url
          ? /^https?:\/\/([^.:/]+)(?:\.([^.:/]+))?/.exec(url)
          : null;
        if (m) {
          svcName = m[1];
          ns = m[2] ?? ns;
        }
      }
      const w = findWorkload(svcName, ns);
      if (w) model.ingressTargets.set(ing.id, w.id);
    }
  }
}

const HOST_VARIABLE = /\bvar\.([a-z0-9_]+?)_host\b/gi;
const ENGINE_WORDS: Array<[RegExp, DatabaseModel['engine']]> = [
  [/postgres|^pg$|^pg_/, 'postgresql'],
  [/mysql|mariadb/, 'mysql'],
  [/redis|valkey/, 'redis'],
  [/mongo/, 'mongodb'],
];

/**
 * The pooler or database a `var.<name>_host` points at: the Service called
 * `<name>` when exactly one reaches a pooler or database server, else the
 * only server of the engine the name says. Ambiguity gives nothing.
 */
function hostVariableTarget(
  raw: string,
  hosts: Map<string, HostTarget>,
  dbs: DatabaseModel[],
): HostTarget | undefined {
  for (const m of raw.matchAll(HOST_VARIABLE)) {
    const name = m[1].toLowerCase().replace(/_/g, '-');
    const byService = new Map<string, HostTarget>();
    for (const [host, t] of hosts)
      if (host.split('.')[0] === name) byService.set(t.id, t);
    if (byService.size === 1) return [...byService.values()][0];
    const engine = ENGINE_WORDS.find(([re]) => re.test(name))?.[1];
    const servers = dbs.filter(
      d => d.role === 'cluster' && d.engine === engine,
    );
    if (engine && servers.length === 1)
      return { kind: 'database', id: servers[0].id, db: servers[0] };
  }
  return undefined;
}

/**
 * The tier of each workload's and cron job's namespace: the `tier` label
 * of the namespace, wherever in the repo it is created (one stack often
 * creates a namespace that others deploy into).
 */
function assignNamespaceTiers(model: InfraModel) {
  const repoTiers = new Map<string, string>();
  for (const s of model.stacks)
    for (const [ns, tier] of Object.entries(s.namespaceTiers))
      if (!repoTiers.has(ns)) repoTiers.set(ns, tier);
  for (const s of model.stacks) {
    for (const w of [...s.workloads, ...s.cronJobs]) {
      const ns = w.namespace;
      if (typeof ns === 'string')
        w.namespaceTier = s.namespaceTiers[ns] ?? repoTiers.get(ns);
      else w.namespaceTier = isUnresolved(ns) ? ns : undefined;
      if ('tier' in w && typeof w.namespaceTier === 'string')
        w.tier ??= w.namespaceTier;
    }
  }
}

const HOST_NAME =
  /[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+/g;
/** A bare service name where a connection string puts its host: `host=db`, `@db:5432`, `//db/`. */
const SHORT_HOST =
  /(?:\bhost=|@|\/\/)([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?=[:/\s;,]|$)/g;

/** Poolers and database servers a text names by host, with the database a URL path names. */
function hostsNamedIn(
  text: string,
  namespace: string | undefined,
  hosts: Map<string, HostTarget>,
): Array<{ target: HostTarget; database?: string }> {
  const out: Array<{ target: HostTarget; database?: string }> = [];
  const databaseAfter = (host: string) =>
    new RegExp(`${host.replace(/\./g, '\\.')}(:\\d+)?/([A-Za-z0-9_-]+)`).exec(
      text,
    )?.[2];
  for (const m of text.matchAll(HOST_NAME)) {
    const target = hosts.get(m[0]);
    if (target) out.push({ target, database: databaseAfter(m[0]) });
  }
  // A bare name resolves in the workload's own namespace, as cluster DNS does.
  if (namespace) {
    for (const m of text.matchAll(SHORT_HOST)) {
      const target = hosts.get(`${m[1]}.${namespace}`);
      if (target) out.push({ target, database: databaseAfter(m[1]) });
    }
  }
  return out;
}

/** The database a connection URL names: the path after its host and port. */
function databaseInUrl(text: string): string | undefined {
  return /(?:@|\/\/)[^/\s'"]+?(?::\d+)?\/([A-Za-z_][A-Za-z0-9_-]*)/.exec(
    text,
  )?.[1];
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
function mergeSameDatabases(dbs: DatabaseModel[]) {
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
