import { ModuleInstance } from '../eval/scope';
import { valText } from '../model/blocks';
import { AnubisModel, DatabaseEngine, PoolerModel } from '../model/types';
import { parseConnString, parseIni } from '../util/ini';
import { configMapFiles } from './configMaps';
import { ExtractContext, siteId } from './context';
import {
  extractCreateDatabase,
  extractDatabaseResource,
  extractVaultStaticRole,
  readVaultConnection,
} from './databases';
import { extractHelmRelease } from './helmRelease';
import {
  extractIngress,
  extractUnreadFactoryCall,
  INGRESS_TYPES,
} from './ingress';
import {
  cnpgClusterOf,
  extractCnpgCluster,
  extractOutpost,
  hostForms,
} from './operators';
import { commands, manifestsInCommand } from './commandManifests';
import {
  CONFIG_MAP_TYPES,
  CRON_TYPES,
  extractCronJob,
  extractNamespaceTier,
  extractPdb,
  extractService,
  NAMESPACE_TYPES,
  PDB_TYPES,
  PVC_TYPES,
  SERVICE_TYPES,
} from './simpleResources';
import { readPvc } from './storage';
import { extractExternalSecret, extractSecret, SECRET_TYPES } from './secrets';
import { walkStack } from './walk';
import { extractWorkload, WORKLOAD_TYPES } from './workloads';

const ANUBIS_IMAGE = /(^|\/)anubis(:|@|$)/i;

/**
 * Reads every resource instance of a stack into its model: one extractor
 * per kind of resource, then the pieces that need several of them (pooler
 * settings from the `.ini` its config map mounts, Anubis instances, the
 * namespace tier of each workload).
 */
export function extractStack(ctx: ExtractContext, root: ModuleInstance) {
  const { stack } = ctx;
  const walk = walkStack(root);
  const configMaps = new Map<string, string[]>();
  const vaultConnections = new Map<
    string,
    { engine: DatabaseEngine; host?: string }
  >();
  for (const site of walk.resources) {
    if (site.type === 'vault_database_secret_backend_connection') {
      const c = readVaultConnection(site);
      if (c?.name) vaultConnections.set(c.name, c);
    }
  }
  for (const site of walk.resources) {
    const t = site.type;
    if (t in WORKLOAD_TYPES) stack.workloads.push(extractWorkload(ctx, site));
    else if (CRON_TYPES.has(t)) stack.cronJobs.push(extractCronJob(ctx, site));
    else if (PDB_TYPES.has(t)) stack.pdbs.push(extractPdb(ctx, site));
    else if (SERVICE_TYPES.has(t))
      stack.services.push(extractService(ctx, site));
    else if (PVC_TYPES.has(t))
      stack.pvcs.push(
        readPvc(
          ctx,
          site.block,
          site.scope,
          'pvc',
          siteId(site.block, site.instance, ctx.stack.dir),
        ),
      );
    else if (CONFIG_MAP_TYPES.has(t)) {
      const cm = configMapFiles(site);
      if (cm) configMaps.set(cm.name, cm.files);
    } else if (NAMESPACE_TYPES.has(t)) extractNamespaceTier(ctx, site);
    else if (INGRESS_TYPES.has(t))
      stack.ingresses.push(extractIngress(ctx, site));
    else if (t === 'helm_release') {
      const { release, workloads } = extractHelmRelease(ctx, site);
      stack.helmReleases.push(release);
      stack.workloads.push(...workloads);
    } else if (t === 'authentik_outpost')
      stack.workloads.push(extractOutpost(ctx, site));
    else if (t === 'kubernetes_manifest' || t === 'kubectl_manifest') {
      const db = extractCnpgCluster(ctx, site);
      if (db) stack.databases.push(db);
      const secret = extractExternalSecret(site);
      if (secret) (stack.secrets ??= []).push(secret);
    } else if (SECRET_TYPES.has(t)) {
      const secret = extractSecret(site);
      if (secret) (stack.secrets ??= []).push(secret);
    } else if (t === 'vault_database_secret_backend_static_role')
      stack.databases.push(extractVaultStaticRole(ctx, site, vaultConnections));
    else {
      const db = extractDatabaseResource(ctx, site);
      if (db) stack.databases.push(db);
    }
    // Any resource may run `CREATE DATABASE` or apply inline YAML (a null_resource, a Job).
    // Rendered once: both readers go through the same commands.
    const siteCommands = commands(site);
    stack.databases.push(...extractCreateDatabase(ctx, site, siteCommands));
    siteCommands
      .flatMap(c => manifestsInCommand(c.text))
      .forEach((m, i) => {
        const db = cnpgClusterOf(
          ctx,
          site,
          m,
          `${siteId(site.block, site.instance, ctx.stack.dir)}#manifest:${i}`,
        );
        if (db) stack.databases.push(db);
      });
  }
  for (const m of walk.modules) {
    const ingress = extractUnreadFactoryCall(ctx, m);
    if (ingress) stack.ingresses.push(ingress);
  }
  attachPoolerIni(ctx, configMaps);
  collectAnubis(ctx, walk.modules);
  collectDatabaseServers(ctx);
  collectNamespaces(ctx);
}

/** Workloads that run a database image are database servers. */
function collectDatabaseServers(ctx: ExtractContext) {
  const { stack } = ctx;
  for (const w of stack.workloads) {
    if (w.role !== 'database') continue;
    const n = valText(w.name);
    const ns = valText(w.namespace);
    stack.databases.push({
      id: w.id,
      stack: stack.name,
      engine: w.engine ?? 'unknown',
      role: 'cluster',
      name: w.name,
      namespace: w.namespace,
      hosts: n && ns ? hostForms(n, ns) : [],
      declaredBy: 'workload',
      instances: w.replicas,
      image: w.containers[0]?.image,
      storage: w.volumeClaimTemplates,
      workload: w,
      source: w.source,
    });
  }
}

/** Pairs PgBouncer workloads with the `.ini` they mount and reads its settings (never its secrets). */
function attachPoolerIni(
  ctx: ExtractContext,
  configMaps: Map<string, string[]>,
) {
  const { stack, texts } = ctx;
  for (const w of stack.workloads) {
    if (w.role !== 'pooler') continue;
    let iniPath: string | undefined;
    for (const v of w.volumes) {
      const cm = valText(v.configMap);
      iniPath ??= (cm ? configMaps.get(cm) : undefined)?.find(f =>
        f.endsWith('.ini'),
      );
    }
    const dir = w.source.file.slice(0, w.source.file.lastIndexOf('/'));
    iniPath ??= [...texts.keys()].find(
      p =>
        p.startsWith(`${dir}/`) &&
        p.endsWith('.ini') &&
        !p.slice(dir.length + 1).includes('/'),
    );
    const pooler: PoolerModel = { workload: w, settings: {}, databases: [] };
    const text = iniPath ? texts.get(iniPath) : undefined;
    if (iniPath && text !== undefined) {
      const ini = parseIni(text);
      pooler.iniFile = { file: iniPath, line: 1 };
      for (const e of ini.pgbouncer ?? []) {
        if (/pass|auth_file|auth_query|auth_user/i.test(e.key)) continue;
        pooler.settings[e.key] = /^\d+$/.test(e.value)
          ? Number(e.value)
          : e.value;
      }
      for (const e of ini.databases ?? []) {
        const c = parseConnString(e.value);
        pooler.databases.push({
          name: e.key,
          host: c.host,
          port: c.port && /^\d+$/.test(c.port) ? Number(c.port) : undefined,
          dbname: c.dbname ?? (e.key === '*' ? undefined : e.key),
        });
      }
    }
    stack.poolers.push(pooler);
  }
}

/** A module instance that runs an Anubis image is an Anubis instance, with its Deployment, Service and PDB. */
function collectAnubis(
  ctx: ExtractContext,
  modules: ReturnType<typeof walkStack>['modules'],
) {
  const { stack } = ctx;
  for (const m of modules) {
    const inside = (address: string) =>
      address.startsWith(`${m.module.address}.`) &&
      !address.slice(m.module.address.length + 1).startsWith('module.');
    const w = stack.workloads.find(
      x =>
        x.instance &&
        inside(x.instance.address) &&
        x.containers.some(c => ANUBIS_IMAGE.test(valText(c.image) ?? '')),
    );
    if (!w) continue;
    const pdb = stack.pdbs.find(p => p.instance && inside(p.instance.address));
    const svc = stack.services.find(s =>
      s.id.includes(`@${m.module.address}.`),
    );
    const target = w.containers
      .flatMap(c => c.env)
      .find(e => e.name === 'TARGET');
    const anubis: AnubisModel = {
      id: siteId(m.call, m.instance, ctx.stack.dir),
      stack: stack.name,
      moduleName: m.call.labels[0],
      instance: m.instance,
      namespace: w.namespace,
      serviceName: svc?.name,
      targetUrl: typeof target?.value === 'string' ? target.value : undefined,
      workloadId: w.id,
      pdbId: pdb?.id,
      source: { file: m.calls[0].file, line: m.calls[0].line },
    };
    stack.anubis.push(anubis);
  }
  // Ingresses whose backend is an Anubis instance's service are fronted by it.
  for (const ing of stack.ingresses) {
    const svc = valText(ing.serviceName);
    const a = stack.anubis.find(
      x =>
        valText(x.serviceName) === svc &&
        valText(x.namespace) === valText(ing.namespace),
    );
    if (a) ing.anubis = a.moduleName;
  }
}

/** Namespaces the stack uses (their tiers are set when the repo is linked). */
function collectNamespaces(ctx: ExtractContext) {
  const { stack } = ctx;
  const namespaces = new Set<string>();
  for (const o of [
    ...stack.workloads,
    ...stack.cronJobs,
    ...stack.ingresses,
    ...stack.pdbs,
  ]) {
    const ns = valText(o.namespace);
    if (ns) namespaces.add(ns);
  }
  stack.namespaces = [...namespaces].sort();
}
