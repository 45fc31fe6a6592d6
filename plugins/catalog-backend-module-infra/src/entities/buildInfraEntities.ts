import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  AuthTier,
  ContainerDetails,
  CronJobDetails,
  DatabaseDetails,
  EntityLink,
  INFRA_ANNOTATIONS,
  INFRA_ENTITY_TYPES,
  InfraDetails,
  InfraFinding,
  IngressDetails,
  IngressSummary,
  isAuthTier,
  PdbDetails,
  PoolerDetails,
  ServiceDetails,
  SourceRef,
  StorageDetails,
  SystemDetails,
  WorkloadFields,
} from '@internal/backstage-plugin-infra-common';
import {
  ConventionFinding,
  ContainerModel,
  CronJobModel,
  DatabaseModel,
  DependencyModel,
  InfraModel,
  IngressModel,
  isUnresolved,
  PdbModel,
  PoolerModel,
  PvcModel,
  SourcePos,
  StackModel,
  Val,
  VolumeModel,
  WorkloadModel,
} from '@internal/backstage-plugin-infra-node';
import { NameRegistry, stackScopedName } from './names';
import { SourceLinks } from './links';

export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';
const ANNOTATION_LOCATION = 'backstage.io/managed-by-location';
const ANNOTATION_ORIGIN_LOCATION = 'backstage.io/managed-by-origin-location';
const ENGINE_NAMES = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  unknown: 'Database',
} as const;

export interface BuildInfraEntitiesOptions {
  findings: ReadonlyArray<ConventionFinding>;
  links: SourceLinks;
  /** Owner entity ref of a stack. */
  ownerOf(stack: string): string;
  /** Lifecycle written on components (default `production`). */
  lifecycle?: string;
}

const text = (v: Val<unknown> | undefined): string | undefined =>
  v === undefined || isUnresolved(v) ? undefined : String(v);

/** JSON-ready copy of a value that may be unresolved (class instances become plain objects). */
function plain<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/**
 * Turns the infra model into catalog entities: a System per stack,
 * Components for services and cron jobs, Resources for ingresses, PDBs,
 * connection poolers and databases. Relations go through spec fields
 * (`system`, `owner`, `dependsOn`, `dependencyOf`) so the stock processors
 * create them. Findings land on the entity they are about, stack-level ones
 * (parse errors) on the System.
 */
export function buildInfraEntities(
  model: InfraModel,
  options: BuildInfraEntitiesOptions,
): Entity[] {
  const { links } = options;
  const lifecycle = options.lifecycle ?? 'production';
  const names = new NameRegistry();
  const refById = new Map<
    string,
    { ref: string; name: string; display: string }
  >();
  const entities: Entity[] = [];

  const src = (pos: SourcePos): SourceRef => {
    const url = links.webUrl(pos.file, pos.line);
    return url
      ? { file: pos.file, line: pos.line, url }
      : { file: pos.file, line: pos.line };
  };
  const link = (id: string): EntityLink | undefined => {
    const r = refById.get(id);
    return r ? { ref: r.ref, name: r.display } : undefined;
  };
  const findingsBySubject = new Map<string, InfraFinding[]>();
  for (const f of options.findings) {
    const list = findingsBySubject.get(f.subject) ?? [];
    list.push({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      fix: f.fix,
      file: f.file,
      line: f.line,
    });
    findingsBySubject.set(f.subject, list);
  }

  // 1. Names for everything first, so relations can point anywhere.
  const systemName = new Map<string, string>();
  for (const stack of model.stacks) {
    systemName.set(stack.name, names.take('system', stack.name));
    for (const w of stack.workloads) {
      if (w.role === 'database') continue;
      const display = text(w.name) ?? w.address;
      const base =
        w.kind === 'helm' && w.helm
          ? `${stack.name}-${w.helm.component}`
          : stackScopedName(
              stack.name,
              w.address.startsWith('authentik_outpost.')
                ? display.replace(/^ak-outpost-/, '')
                : display,
            );
      const kind = w.role === 'pooler' ? 'resource' : 'component';
      const name = names.take(kind, base);
      refById.set(w.id, { ref: `${kind}:default/${name}`, name, display });
    }
    for (const c of stack.cronJobs) {
      const display = text(c.name) ?? c.address;
      const name = names.take(
        'component',
        stackScopedName(stack.name, display),
      );
      refById.set(c.id, { ref: `component:default/${name}`, name, display });
    }
    for (const d of stack.databases.filter(x => x.role === 'cluster')) {
      const display = text(d.name) ?? d.id;
      const name = names.take('resource', stackScopedName(stack.name, display));
      refById.set(d.id, { ref: `resource:default/${name}`, name, display });
    }
  }
  for (const stack of model.stacks) {
    for (const d of stack.databases.filter(x => x.role === 'database')) {
      const display = text(d.name) ?? d.id;
      const server = d.serverId ? refById.get(d.serverId)?.name : undefined;
      const name = names.take(
        'resource',
        server
          ? `${server}-${display}`
          : stackScopedName(stack.name, `${display}-db`),
      );
      refById.set(d.id, { ref: `resource:default/${name}`, name, display });
    }
    for (const p of stack.pdbs) {
      const display = text(p.name) ?? p.address;
      const name = names.take(
        'resource',
        `${stackScopedName(stack.name, display)}-pdb`,
      );
      refById.set(p.id, { ref: `resource:default/${name}`, name, display });
    }
    for (const w of stack.workloads) {
      if (!w.inlinePdb) continue;
      const base =
        refById.get(w.id)?.name ??
        stackScopedName(stack.name, text(w.name) ?? 'workload');
      const name = names.take('resource', `${base}-pdb`);
      refById.set(`${w.id}#pdb`, {
        ref: `resource:default/${name}`,
        name,
        display: text(w.name) ?? base,
      });
    }
    for (const i of stack.ingresses) {
      const name = names.take(
        'resource',
        stackScopedName(stack.name, i.moduleName),
      );
      refById.set(i.id, {
        ref: `resource:default/${name}`,
        name,
        display: text(i.host) ?? i.moduleName,
      });
    }
  }

  // Reverse indexes for details.
  const depsFrom = new Map<string, DependencyModel[]>();
  for (const d of model.dependencies) {
    depsFrom.set(d.fromId, [...(depsFrom.get(d.fromId) ?? []), d]);
  }
  const pdbOf = new Map<string, PdbModel>();
  const pdbById = new Map(
    model.stacks.flatMap(s => s.pdbs).map(p => [p.id, p]),
  );
  for (const [pdbId, ids] of model.pdbTargets) {
    const pdb = pdbById.get(pdbId);
    if (pdb) for (const id of ids) if (!pdbOf.has(id)) pdbOf.set(id, pdb);
  }
  const ingressesOf = new Map<string, IngressModel[]>();
  const ingressById = new Map(
    model.stacks.flatMap(s => s.ingresses).map(i => [i.id, i]),
  );
  for (const [ingId, wId] of model.ingressTargets) {
    const ing = ingressById.get(ingId);
    if (ing) ingressesOf.set(wId, [...(ingressesOf.get(wId) ?? []), ing]);
  }
  const pvcsByName = new Map<string, PvcModel[]>();
  for (const p of model.stacks.flatMap(s => s.pvcs)) {
    const n = text(p.name);
    if (n) pvcsByName.set(n, [...(pvcsByName.get(n) ?? []), p]);
  }
  const pvcFor = (
    v: VolumeModel,
    ns: Val<string> | undefined,
  ): PvcModel | undefined => {
    const claim = text(v.claimName);
    return claim
      ? (pvcsByName.get(claim) ?? []).find(
          p => (text(p.namespace) ?? text(ns)) === text(ns),
        )
      : undefined;
  };
  const storageOf = (
    volumes: VolumeModel[],
    templates: PvcModel[],
    ns: Val<string> | undefined,
  ): StorageDetails[] => [
    ...volumes
      .filter(v => v.claimName !== undefined)
      .map(v => {
        const pvc = pvcFor(v, ns);
        return pvc
          ? storageDetails(pvc, src)
          : {
              claimName: plain(v.claimName!),
              accessModes: [],
              encrypted: false,
              type: 'pvc' as const,
            };
      }),
    ...templates.map(t => storageDetails(t, src)),
  ];

  const meta = (
    name: string,
    stack: StackModel,
    pos: SourcePos,
    details: InfraDetails,
    findings: InfraFinding[] | undefined,
    extra: Record<string, string | undefined> = {},
  ) => {
    const annotations: Record<string, string> = {
      [ANNOTATION_LOCATION]: links.locationRef,
      [ANNOTATION_ORIGIN_LOCATION]: links.locationRef,
      [ANNOTATION_SOURCE_LOCATION]: links.sourceLocation(pos.file, pos.line),
      [INFRA_ANNOTATIONS.stack]: stack.name,
      [INFRA_ANNOTATIONS.details]: JSON.stringify(details),
    };
    const edit = links.webUrl(pos.file, pos.line);
    if (edit) annotations[ANNOTATION_EDIT_URL] = edit;
    if (findings?.length)
      annotations[INFRA_ANNOTATIONS.findings] = JSON.stringify(findings);
    for (const [k, v] of Object.entries(extra))
      if (v !== undefined) annotations[k] = v;
    return { name, annotations };
  };

  const workloadFields = (w: WorkloadModel): WorkloadFields => {
    const first = w.containers[0];
    const pdb = pdbOf.get(w.id);
    let pdbLink: EntityLink | undefined;
    if (pdb) pdbLink = link(pdb.id);
    else if (w.inlinePdb) pdbLink = link(`${w.id}#pdb`);
    return {
      workload: w.kind,
      name: plain(w.name),
      replicas: plain(w.replicas ?? 1),
      criticalPath: w.criticalPath,
      strategy: plain(
        w.strategy ??
          (w.kind === 'deployment' && w.lifecycle
            ? 'RollingUpdate'
            : undefined),
      ),
      image: plain(first?.image),
      memoryRequest: plain(first?.memoryRequest),
      memoryLimit: plain(first?.memoryLimit),
      cpuRequest: plain(first?.cpuRequest),
      cpuLimit: plain(first?.cpuLimit),
      containers: w.containers.map(containerDetails),
      selector: w.selector,
      storage: storageOf(w.volumes, w.volumeClaimTemplates, w.namespace),
      pdb: pdbLink
        ? {
            ...pdbLink,
            minAvailable: plain(
              pdb ? pdb.minAvailable : w.inlinePdb?.minAvailable,
            ),
            maxUnavailable: plain(
              pdb ? pdb.maxUnavailable : w.inlinePdb?.maxUnavailable,
            ),
          }
        : undefined,
      helm: w.helm
        ? {
            release: plain(w.helm.release),
            chart: plain(w.helm.chart),
            valuesFile: w.helm.valuesFile && src(w.helm.valuesFile),
          }
        : undefined,
    };
  };

  const k8sAnnotations = (w: {
    selector?: Record<string, string>;
    namespace?: Val<string>;
  }) => ({
    [ANNOTATION_KUBERNETES_LABEL_SELECTOR]:
      w.selector && Object.keys(w.selector).length
        ? Object.entries(w.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : undefined,
    [ANNOTATION_KUBERNETES_NAMESPACE]: text(w.namespace),
  });

  const workloadAnnotations = (w: WorkloadModel) => ({
    ...k8sAnnotations(w),
    [INFRA_ANNOTATIONS.replicas]: isUnresolved(w.replicas)
      ? `unresolved: ${w.replicas.unresolved}`
      : String(w.replicas ?? 1),
    [INFRA_ANNOTATIONS.criticalPath]: String(w.criticalPath),
    [INFRA_ANNOTATIONS.tier]: text(w.tier),
  });

  const ingressSummary = (i: IngressModel): IngressSummary => ({
    ...link(i.id)!,
    host: plain(i.host),
    authTier: plain(i.authTier) as Val<AuthTier>,
    paths: plain(Array.isArray(i.paths) ? i.paths : undefined),
    anubis: !!i.anubis,
  });

  const dependsOnOf = (id: string) =>
    (depsFrom.get(id) ?? [])
      .map(d => refById.get(d.toId)?.ref)
      .filter((r): r is string => !!r);
  const linksOf = (id: string, kind: 'pooler' | 'database') =>
    (depsFrom.get(id) ?? [])
      .filter(d => d.toKind === kind)
      .map(d => link(d.toId))
      .filter((l): l is EntityLink => !!l);

  for (const stack of model.stacks) {
    const owner = options.ownerOf(stack.name);
    const system = systemName.get(stack.name)!;
    const systemDetails: SystemDetails = {
      kind: 'system',
      stack: stack.name,
      source: { file: stack.dir, line: 1, url: links.webUrl(`${stack.dir}/`) },
      files: stack.files,
      namespaces: stack.namespaces,
      hasParseErrors: stack.parseErrors.length > 0,
    };
    const sysMeta = meta(
      system,
      stack,
      { file: stack.dir, line: 1 },
      systemDetails,
      findingsBySubject.get(`stack:${stack.name}`),
    );
    sysMeta.annotations[ANNOTATION_SOURCE_LOCATION] = links.sourceLocation(
      `${stack.dir}/`,
    );
    delete sysMeta.annotations[ANNOTATION_EDIT_URL];
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        ...sysMeta,
        title: stack.name,
        description: `Terraform stack ${stack.dir}${
          stack.parseErrors.length ? ' (has parse errors: see findings)' : ''
        }.`,
        tags: ['infra-stack'],
      },
      spec: { owner },
    });

    // Services and poolers (workloads).
    for (const w of stack.workloads) {
      if (w.role === 'database') continue;
      const r = refById.get(w.id)!;
      const fields = workloadFields(w);
      const ingresses = (ingressesOf.get(w.id) ?? []).map(ingressSummary);
      const primary = pickPrimaryIngress(ingressesOf.get(w.id) ?? []);
      if (w.role === 'pooler') {
        const pooler = stack.poolers.find(p => p.workload === w);
        const details: PoolerDetails = {
          kind: 'connection-pooler',
          stack: stack.name,
          namespace: plain(w.namespace),
          source: src(w.source),
          ...fields,
          settings: pooler?.settings ?? {},
          databases: (pooler?.databases ?? []).map(d => ({
            ...d,
            target: poolerTarget(model, w.id, d, link),
          })),
          iniFile: pooler?.iniFile && src(pooler.iniFile),
          serviceHost: serviceHostOf(stack, w),
        };
        entities.push({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            ...meta(
              r.name,
              stack,
              w.source,
              details,
              findingsBySubject.get(w.id),
              workloadAnnotations(w),
            ),
            title: `${r.display} (${stack.name})`,
            description: poolerDescription(pooler),
            tags: ['pgbouncer'],
          },
          spec: {
            type: INFRA_ENTITY_TYPES.connectionPooler,
            owner,
            system,
            dependsOn: dependsOnOf(w.id),
          },
        });
        continue;
      }
      const details: ServiceDetails = {
        kind: 'service',
        stack: stack.name,
        namespace: plain(w.namespace),
        source: src(w.source),
        ...fields,
        databases: linksOf(w.id, 'database'),
        poolers: linksOf(w.id, 'pooler'),
        ingresses,
      };
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          ...meta(
            r.name,
            stack,
            w.source,
            details,
            findingsBySubject.get(w.id),
            {
              ...workloadAnnotations(w),
              ...ingressAnnotations(primary),
            },
          ),
          title: r.display,
          description: `${describeWorkload(w)} in stack ${stack.name}.`,
          tags:
            primary && typeof primary.authTier === 'string'
              ? [`auth-${primary.authTier}`]
              : [],
        },
        spec: {
          type: INFRA_ENTITY_TYPES.service,
          lifecycle,
          owner,
          system,
          dependsOn: dependsOnOf(w.id),
        },
      });
    }

    for (const c of stack.cronJobs) {
      const r = refById.get(c.id)!;
      const details = cronJobDetails(
        c,
        stack,
        src,
        storageOf(c.volumes, [], c.namespace),
        linksOf(c.id, 'database'),
        linksOf(c.id, 'pooler'),
      );
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          ...meta(
            r.name,
            stack,
            c.source,
            details,
            findingsBySubject.get(c.id),
            {
              [ANNOTATION_KUBERNETES_NAMESPACE]: text(c.namespace),
            },
          ),
          title: r.display,
          description: `CronJob ${r.display}${
            text(c.schedule) ? ` (${text(c.schedule)})` : ''
          } in stack ${stack.name}.`,
        },
        spec: {
          type: INFRA_ENTITY_TYPES.cronJob,
          lifecycle,
          owner,
          system,
          dependsOn: dependsOnOf(c.id),
        },
      });
    }

    for (const p of stack.pdbs) {
      const r = refById.get(p.id)!;
      const selects = (model.pdbTargets.get(p.id) ?? [])
        .map(link)
        .filter((l): l is EntityLink => !!l);
      const details: PdbDetails = {
        kind: 'pod-disruption-budget',
        stack: stack.name,
        namespace: plain(p.namespace),
        source: src(p.source),
        name: plain(p.name),
        minAvailable: plain(p.minAvailable),
        maxUnavailable: plain(p.maxUnavailable),
        selector: p.selector,
        selects,
      };
      entities.push(
        pdbEntity(
          r.name,
          r.display,
          stack,
          p.source,
          details,
          selects,
          owner,
          system,
          meta,
        ),
      );
    }
    for (const w of stack.workloads) {
      if (!w.inlinePdb) continue;
      const r = refById.get(`${w.id}#pdb`)!;
      const target = link(w.id);
      const details: PdbDetails = {
        kind: 'pod-disruption-budget',
        stack: stack.name,
        namespace: plain(w.namespace),
        source: src(w.inlinePdb.source),
        name: plain(w.name),
        minAvailable: plain(w.inlinePdb.minAvailable),
        maxUnavailable: plain(w.inlinePdb.maxUnavailable),
        selector: w.selector,
        selects: target ? [target] : [],
      };
      entities.push(
        pdbEntity(
          r.name,
          r.display,
          stack,
          w.inlinePdb.source,
          details,
          details.selects,
          owner,
          system,
          meta,
        ),
      );
    }

    for (const i of stack.ingresses) {
      const r = refById.get(i.id)!;
      const targetId = model.ingressTargets.get(i.id);
      const target = targetId ? link(targetId) : undefined;
      const details: IngressDetails = {
        kind: 'ingress',
        stack: stack.name,
        namespace: plain(i.namespace),
        source: src(i.source),
        moduleName: i.moduleName,
        host: plain(i.host),
        authTier: plain(i.authTier) as Val<AuthTier>,
        authDefaulted: i.authDefaulted,
        authLine: i.authAt?.line,
        justification: i.justification,
        dnsType: plain(i.dnsType),
        anubis: !!i.anubis,
        anubisInstance: i.anubis,
        antiAiScraping: plain(i.antiAiScraping),
        paths: Array.isArray(i.paths) ? i.paths : undefined,
        service: { name: plain(i.serviceName), port: plain(i.port) },
        target,
      };
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          ...meta(
            r.name,
            stack,
            i.source,
            details,
            findingsBySubject.get(i.id),
            ingressAnnotations(i),
          ),
          title: `${text(i.host) ?? i.moduleName}${
            Array.isArray(i.paths) ? ` ${i.paths.join(' ')}` : ''
          }`,
          description: `Ingress module.${i.moduleName} (auth ${
            text(i.authTier) ?? 'unresolved'
          }${i.authDefaulted ? ', the default' : ''}) in stack ${stack.name}.`,
          tags: typeof i.authTier === 'string' ? [`auth-${i.authTier}`] : [],
          links: text(i.host)
            ? [
                {
                  url: `https://${text(i.host)}${
                    Array.isArray(i.paths) ? i.paths[0] : '/'
                  }`,
                  title: text(i.host),
                },
              ]
            : undefined,
        },
        spec: {
          type: INFRA_ENTITY_TYPES.ingress,
          owner,
          system,
          dependsOn: target ? [target.ref] : [],
        },
      });
    }

    for (const d of stack.databases) {
      const r = refById.get(d.id)!;
      const details = databaseDetails(
        d,
        stack,
        src,
        d.serverId ? link(d.serverId) : undefined,
        d.workload ? workloadFields(d.workload) : undefined,
        storageOf,
      );
      const extra = d.workload ? workloadAnnotations(d.workload) : {};
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          ...meta(
            r.name,
            stack,
            d.source,
            details,
            d.workload ? findingsBySubject.get(d.workload.id) : undefined,
            extra,
          ),
          title:
            d.role === 'database'
              ? `${r.display} (${d.engine} database)`
              : `${r.display} (${d.engine})`,
          description:
            d.role === 'database'
              ? `Database ${r.display} on ${
                  (d.serverId && refById.get(d.serverId)?.display) ||
                  'an unknown server'
                }.`
              : `${ENGINE_NAMES[d.engine]} server ${r.display} in stack ${
                  stack.name
                }.`,
          tags: [d.engine],
        },
        spec: {
          type: INFRA_ENTITY_TYPES.database,
          owner,
          system,
          dependsOn:
            d.serverId && refById.get(d.serverId)
              ? [refById.get(d.serverId)!.ref]
              : [],
        },
      });
    }
  }
  return entities;
}

function pdbEntity(
  name: string,
  display: string,
  stack: StackModel,
  pos: SourcePos,
  details: PdbDetails,
  selects: EntityLink[],
  owner: string,
  system: string,
  meta: (
    n: string,
    s: StackModel,
    p: SourcePos,
    d: InfraDetails,
    f: InfraFinding[] | undefined,
    e?: Record<string, string | undefined>,
  ) => { name: string; annotations: Record<string, string> },
): Entity {
  const min = text(details.minAvailable);
  const max = text(details.maxUnavailable);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      ...meta(name, stack, pos, details, undefined, {
        [ANNOTATION_KUBERNETES_NAMESPACE]: text(details.namespace),
      }),
      title: `${display} PDB`,
      description: `PodDisruptionBudget ${display}${pdbSetting(min, max)}.`,
    },
    spec: {
      type: INFRA_ENTITY_TYPES.podDisruptionBudget,
      owner,
      system,
      dependencyOf: selects.map(s => s.ref),
    },
  };
}

function pdbSetting(min: string | undefined, max: string | undefined): string {
  if (min) return ` (minAvailable ${min})`;
  return max ? ` (maxUnavailable ${max})` : '';
}

function ingressAnnotations(
  i: IngressModel | undefined,
): Record<string, string | undefined> {
  if (!i) return {};
  return {
    [INFRA_ANNOTATIONS.authTier]:
      typeof i.authTier === 'string' && isAuthTier(i.authTier)
        ? i.authTier
        : undefined,
    [INFRA_ANNOTATIONS.authJustification]: i.justification,
    [INFRA_ANNOTATIONS.dnsType]: text(i.dnsType),
    [INFRA_ANNOTATIONS.host]: text(i.host),
    [INFRA_ANNOTATIONS.anubis]: String(!!i.anubis),
  };
}

/** The ingress that serves the whole host, else the first. */
function pickPrimaryIngress(list: IngressModel[]): IngressModel | undefined {
  return (
    list.find(i => !Array.isArray(i.paths) || i.paths.includes('/')) ?? list[0]
  );
}

function containerDetails(c: ContainerModel): ContainerDetails {
  return plain({
    name: c.name,
    image: c.image,
    cpuRequest: c.cpuRequest,
    cpuLimit: c.cpuLimit,
    memoryRequest: c.memoryRequest,
    memoryLimit: c.memoryLimit,
  });
}

function storageDetails(
  p: PvcModel,
  src: (pos: SourcePos) => SourceRef,
): StorageDetails {
  const cls = text(p.storageClass);
  return plain({
    claimName: p.name,
    storageClass: p.storageClass,
    size: p.size,
    accessModes: p.accessModes,
    encrypted: !!cls && /encrypted/.test(cls),
    storageLimit: p.storageLimit,
    type: p.type,
    source: src(p.source),
  });
}

function describeWorkload(w: WorkloadModel): string {
  const name = text(w.name) ?? w.address;
  if (w.kind === 'helm')
    return `${w.helm?.component ?? 'workload'} of Helm release ${
      text(w.helm?.release) ?? ''
    } (${name})`.replace(' ()', '');
  if (w.address.startsWith('authentik_outpost.'))
    return `authentik outpost deployment ${name}`;
  return `${w.kind === 'stateful-set' ? 'StatefulSet' : 'Deployment'} ${name}`;
}

function poolerDescription(p: PoolerModel | undefined): string {
  if (!p) return 'PgBouncer connection pooler.';
  const mode = p.settings.pool_mode ? ` in ${p.settings.pool_mode} mode` : '';
  const dbs = p.databases.map(d => d.name).join(', ');
  return `PgBouncer${mode}${dbs ? ` fronting ${dbs}` : ''}.`;
}

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

function poolerTarget(
  model: InfraModel,
  poolerId: string,
  d: { dbname?: string },
  link: (id: string) => EntityLink | undefined,
): EntityLink | undefined {
  const deps = model.dependencies.filter(x => x.fromId === poolerId);
  const dbs = model.stacks.flatMap(s => s.databases);
  const named = deps
    .map(x => dbs.find(db => db.id === x.toId))
    .find(db => db && db.role === 'database' && text(db.name) === d.dbname);
  const target =
    named ?? deps.map(x => dbs.find(db => db.id === x.toId)).find(Boolean);
  return target ? link(target.id) : undefined;
}

function cronJobDetails(
  c: CronJobModel,
  stack: StackModel,
  src: (pos: SourcePos) => SourceRef,
  storage: StorageDetails[],
  databases: EntityLink[],
  poolers: EntityLink[],
): CronJobDetails {
  const first = c.containers[0];
  return {
    kind: 'cronjob',
    stack: stack.name,
    namespace: plain(c.namespace),
    source: src(c.source),
    name: plain(c.name),
    schedule: plain(c.schedule),
    image: plain(first?.image),
    memoryRequest: plain(first?.memoryRequest),
    memoryLimit: plain(first?.memoryLimit),
    cpuRequest: plain(first?.cpuRequest),
    cpuLimit: plain(first?.cpuLimit),
    containers: c.containers.map(containerDetails),
    storage,
    databases,
    poolers,
  };
}

function databaseDetails(
  d: DatabaseModel,
  stack: StackModel,
  src: (pos: SourcePos) => SourceRef,
  server: EntityLink | undefined,
  workload: WorkloadFields | undefined,
  storageOf: (
    v: VolumeModel[],
    t: PvcModel[],
    ns: Val<string> | undefined,
  ) => StorageDetails[],
): DatabaseDetails {
  return {
    kind: 'database',
    stack: stack.name,
    namespace: plain(d.namespace),
    source: src(d.source),
    engine: d.engine,
    role: d.role,
    name: plain(d.name),
    server,
    hosts: d.hosts.filter(h => h.endsWith('.svc.cluster.local')),
    instances: plain(d.instances),
    image: plain(d.image),
    storage: storageOf([], d.storage, d.namespace),
    workload,
  };
}
