import { hostForms } from '../extract/operators';
import { valText } from '../model/blocks';
import { DatabaseModel, InfraModel } from '../model/types';
import { labelsMatch, podLabelsOf } from './labels';

/** What a host name reaches: a pooler, or a database server. */
export type HostTarget = {
  kind: 'pooler' | 'database';
  id: string;
  db?: DatabaseModel;
};

/**
 * Host names that reach poolers and database servers: a server's own
 * names, and every form of a Service that selects one (a CNPG selector
 * reaches its cluster).
 */
export function hostTargets(
  model: InfraModel,
  allDbs: DatabaseModel[],
): Map<string, HostTarget> {
  const dbById = new Map(allDbs.map(d => [d.id, d]));
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

  return hosts;
}

const byServiceNameOf = new WeakMap<
  Map<string, HostTarget>,
  Map<string, Map<string, HostTarget>>
>();

/** Targets by the Service name their host names start with (`pgbouncer` of `pgbouncer.auth.svc`), by id. */
function targetsByServiceName(
  hosts: Map<string, HostTarget>,
): Map<string, Map<string, HostTarget>> {
  let index = byServiceNameOf.get(hosts);
  if (!index) {
    index = new Map();
    for (const [host, t] of hosts) {
      const service = host.split('.')[0];
      let targets = index.get(service);
      if (!targets) index.set(service, (targets = new Map()));
      targets.set(t.id, t);
    }
    byServiceNameOf.set(hosts, index);
  }
  return index;
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
export function hostVariableTarget(
  raw: string,
  hosts: Map<string, HostTarget>,
  dbs: DatabaseModel[],
): HostTarget | undefined {
  for (const m of raw.matchAll(HOST_VARIABLE)) {
    const name = m[1].toLowerCase().replace(/_/g, '-');
    const byService = targetsByServiceName(hosts).get(name);
    if (byService?.size === 1) return [...byService.values()][0];
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
 * A dotted host name. The look-behind changes no match (a name that could
 * start right after a letter or digit would have started there): it keeps
 * the search from retrying inside every word, which made it quadratic in
 * the length of a long command or script.
 */
const HOST_NAME =
  /(?<![a-z0-9])[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+/g;
/** A bare service name where a connection string puts its host: `host=db`, `@db:5432`, `//db/`. */
const SHORT_HOST =
  /(?:\bhost=|@|\/\/)([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?=[:/\s;,]|$)/g;

/** Poolers and database servers a text names by host, with the database a URL path names. */
export function hostsNamedIn(
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
export function databaseInUrl(text: string): string | undefined {
  return /(?:@|\/\/)[^/\s'"]+?(?::\d+)?\/([A-Za-z_][A-Za-z0-9_-]*)/.exec(
    text,
  )?.[1];
}
