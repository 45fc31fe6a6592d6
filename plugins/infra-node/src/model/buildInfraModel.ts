import path from 'node:path';
import { InfraFile } from '../files';
import { getHclParser, parseHclWith } from '../hcl/parser';
import { ParseCache } from '../hcl/ParseCache';
import {
  Expr,
  HclBlock,
  HclComment,
  HclFile,
  HclParseError,
} from '../hcl/types';
import {
  HclValue,
  Scope,
  Unresolved,
  isUnresolved,
  resolve,
} from '../hcl/values';
import { parseConnString, parseIni } from '../util/ini';
import {
  attr,
  commentsWithin,
  first,
  intOrString,
  num,
  sameVal,
  str,
  stringMap,
  sub,
  toStr,
  value,
  valText,
} from './blocks';
import { HelmValues, KNOWN_CHARTS } from './helm';
import {
  ContainerModel,
  CronJobModel,
  DatabaseModel,
  EnvVar,
  IngressModel,
  InfraModel,
  LifecycleModel,
  PoolerModel,
  PvcModel,
  SourcePos,
  StackModel,
  Val,
  VolumeModel,
  WorkloadModel,
} from './types';

/**
 * Critical-path services of the infra ("critical path services scaled to 3"):
 * Traefik, authentik (server and worker), CrowdSec LAPI, PgBouncer and
 * Cloudflared. Matched against the workload's Kubernetes name. A workload can
 * also opt in with the label `critical-path = "true"` (or
 * `infra.homelab/critical-path = "true"`).
 */
export const DEFAULT_CRITICAL_PATH: ReadonlyArray<string> = [
  '^traefik$',
  'authentik-(server|worker)$',
  '^crowdsec-lapi$',
  '^pgbouncer$',
  '^cloudflared$',
];

export interface BuildInfraModelOptions {
  /** Re-use parse results of unchanged files across calls. */
  cache?: ParseCache;
  /** Regular expressions matched against workload names; see {@link DEFAULT_CRITICAL_PATH}. */
  criticalPath?: ReadonlyArray<string>;
}

const PASS_THROUGH_ARGS = new Set([
  'source',
  'version',
  'count',
  'for_each',
  'providers',
  'depends_on',
]);
const WORKLOAD_TYPES: Record<string, 'deployment' | 'stateful-set'> = {
  kubernetes_deployment: 'deployment',
  kubernetes_deployment_v1: 'deployment',
  kubernetes_stateful_set: 'stateful-set',
  kubernetes_stateful_set_v1: 'stateful-set',
};
const CRON_TYPES = new Set(['kubernetes_cron_job', 'kubernetes_cron_job_v1']);
const PDB_TYPES = new Set([
  'kubernetes_pod_disruption_budget',
  'kubernetes_pod_disruption_budget_v1',
]);
const SERVICE_TYPES = new Set(['kubernetes_service', 'kubernetes_service_v1']);
const PVC_TYPES = new Set([
  'kubernetes_persistent_volume_claim',
  'kubernetes_persistent_volume_claim_v1',
]);
const CONFIG_MAP_TYPES = new Set([
  'kubernetes_config_map',
  'kubernetes_config_map_v1',
]);
const NAMESPACE_TYPES = new Set([
  'kubernetes_namespace',
  'kubernetes_namespace_v1',
]);

interface ModuleDir {
  dir: string;
  files: HclFile[];
  locals: Map<string, Expr>;
  variables: Map<string, { default?: Expr }>;
  outputs: Map<string, Expr>;
  resources: Map<string, HclBlock>;
  resourceBlocks: HclBlock[];
  moduleCalls: HclBlock[];
}

class ModelBuilder {
  readonly dirs = new Map<string, ModuleDir>();
  readonly commentsByFile = new Map<string, HclComment[]>();
  readonly parseErrors: HclParseError[] = [];
  readonly tfvars = new Map<string, Expr>();
  readonly criticalPath: RegExp[];
  readonly stackFiles = new Map<string, string[]>();
  readonly hclFiles: Map<string, HclFile>;
  /** Module directories under each stack, by stack name. */
  readonly stackDirs = new Map<string, ModuleDir[]>();
  /** Non-HCL files by directory (values.yaml, *.ini). */
  readonly textsByDir = new Map<string, string[]>();
  readonly errorsByStack = new Map<string, HclParseError[]>();

  constructor(
    hclFiles: HclFile[],
    readonly texts: Map<string, string>,
    options: BuildInfraModelOptions,
  ) {
    this.criticalPath = (options.criticalPath ?? DEFAULT_CRITICAL_PATH).map(
      p => new RegExp(p),
    );
    this.hclFiles = new Map(hclFiles.map(f => [f.path, f]));
    for (const f of hclFiles) {
      this.commentsByFile.set(f.path, f.comments);
      if (f.error) this.parseErrors.push(f.error);
      if (f.path === 'config.tfvars') {
        for (const [k, a] of Object.entries(f.attributes))
          this.tfvars.set(k, a.expr);
        continue;
      }
      if (!f.path.endsWith('.tf')) continue;
      const dir = path.posix.dirname(f.path);
      let md = this.dirs.get(dir);
      if (!md) {
        md = {
          dir,
          files: [],
          locals: new Map(),
          variables: new Map(),
          outputs: new Map(),
          resources: new Map(),
          resourceBlocks: [],
          moduleCalls: [],
        };
        this.dirs.set(dir, md);
      }
      md.files.push(f);
      for (const b of f.blocks) {
        if (b.type === 'locals') {
          for (const [k, a] of Object.entries(b.attributes))
            md.locals.set(k, a.expr);
        } else if (b.type === 'variable' && b.labels[0]) {
          md.variables.set(b.labels[0], { default: attr(b, 'default')?.expr });
        } else if (b.type === 'output' && b.labels[0]) {
          const v = attr(b, 'value');
          if (v) md.outputs.set(b.labels[0], v.expr);
        } else if (b.type === 'resource' && b.labels.length >= 2) {
          md.resources.set(`${b.labels[0]}.${b.labels[1]}`, b);
          md.resourceBlocks.push(b);
        } else if (b.type === 'module' && b.labels[0]) {
          md.moduleCalls.push(b);
        }
      }
    }
    for (const md of this.dirs.values()) {
      const m = /^stacks\/([^/]+)\//.exec(md.dir);
      if (m)
        this.stackDirs.set(m[1], [...(this.stackDirs.get(m[1]) ?? []), md]);
    }
    for (const p of texts.keys()) {
      const d = path.posix.dirname(p);
      this.textsByDir.set(d, [...(this.textsByDir.get(d) ?? []), p]);
    }
    for (const f of [...hclFiles.map(h => h.path), ...texts.keys()]) {
      const m = /^stacks\/([^/]+)\//.exec(f);
      if (m) {
        const list = this.stackFiles.get(m[1]) ?? [];
        list.push(f);
        this.stackFiles.set(m[1], list);
      }
    }
  }

  build(fileCount: number): InfraModel {
    for (const e of this.parseErrors) {
      const m = /^stacks\/([^/]+)\//.exec(e.file);
      if (m)
        this.errorsByStack.set(m[1], [
          ...(this.errorsByStack.get(m[1]) ?? []),
          e,
        ]);
    }
    const stacks: StackModel[] = [];
    for (const name of [...this.stackFiles.keys()].sort()) {
      stacks.push(this.buildStack(name));
    }
    const model: InfraModel = {
      stacks,
      pdbTargets: new Map(),
      ingressTargets: new Map(),
      dependencies: [],
      parseErrors: this.parseErrors,
      fileCount,
    };
    link(model);
    return model;
  }

  // --- scopes -------------------------------------------------------------

  makeScope(
    md: ModuleDir | undefined,
    dir: string,
    rootDir: string,
    inputs: Scope['inputs'],
  ): Scope {
    const scope: Scope = {
      dir,
      rootDir,
      locals: md?.locals ?? new Map(),
      variables: md?.variables ?? new Map(),
      outputs: md?.outputs ?? new Map(),
      resources: md?.resources ?? new Map(),
      inputs,
      modules: new Map(),
    };
    for (const call of md?.moduleCalls ?? []) {
      let child: Scope | undefined | null = null;
      scope.modules.set(call.labels[0], () => {
        if (child === null) child = this.callScope(call, scope);
        return child;
      });
    }
    return scope;
  }

  /** The scope of a called module: its variables bound to the call's arguments. */
  callScope(call: HclBlock, caller: Scope): Scope | undefined {
    if (attr(call, 'count') || attr(call, 'for_each')) return undefined;
    const dir = this.moduleSourceDir(call, caller);
    if (!dir) return undefined;
    const inputs: Scope['inputs'] = new Map();
    for (const [k, a] of Object.entries(call.attributes)) {
      if (!PASS_THROUGH_ARGS.has(k))
        inputs.set(k, { expr: a.expr, scope: caller });
    }
    return this.makeScope(this.dirs.get(dir), dir, caller.rootDir, inputs);
  }

  moduleSourceDir(call: HclBlock, caller: Scope): string | undefined {
    const source = attr(call, 'source');
    if (!source) return undefined;
    const v = resolve(source.expr, caller);
    if (typeof v !== 'string' || !(v.startsWith('./') || v.startsWith('../')))
      return undefined;
    return path.posix.normalize(path.posix.join(caller.dir, v));
  }

  stackInputs(stackDir: string, md: ModuleDir | undefined): Scope['inputs'] {
    const inputs: Scope['inputs'] = new Map();
    // The repo's config.tfvars feeds every stack (terragrunt's var file).
    for (const [k, e] of this.tfvars) {
      if (md?.variables.has(k)) inputs.set(k, { expr: e, scope: undefined });
    }
    const tg = this.hclFiles.get(`${stackDir}/terragrunt.hcl`);
    const inputsAttr = tg?.attributes.inputs;
    if (tg && inputsAttr?.expr.kind === 'object') {
      const tgScope = this.makeScope(undefined, stackDir, stackDir, new Map());
      for (const b of tg.blocks) {
        if (b.type === 'locals')
          for (const [k, a] of Object.entries(b.attributes))
            tgScope.locals.set(k, a.expr);
      }
      for (const entry of inputsAttr.expr.entries) {
        let key: string | undefined;
        if (entry.key.kind === 'traversal' && entry.key.steps.length === 0)
          key = entry.key.root;
        else if (entry.key.kind === 'literal') key = String(entry.key.value);
        if (key) inputs.set(key, { expr: entry.value, scope: tgScope });
      }
    }
    return inputs;
  }

  // --- stacks ---------------------------------------------------------------

  buildStack(name: string): StackModel {
    const dir = `stacks/${name}`;
    const files = (this.stackFiles.get(name) ?? []).sort();
    const stack: StackModel = {
      name,
      dir,
      files,
      parseErrors: [...(this.errorsByStack.get(name) ?? [])],
      namespaces: [],
      namespaceTiers: {},
      workloads: [],
      cronJobs: [],
      pdbs: [],
      services: [],
      pvcs: [],
      ingresses: [],
      anubis: [],
      poolers: [],
      databases: [],
    };
    const rootMd = this.dirs.get(dir);
    const rootScope = this.makeScope(
      rootMd,
      dir,
      dir,
      this.stackInputs(dir, rootMd),
    );
    const visited = new Set<string>();
    const visit = (md: ModuleDir | undefined, scope: Scope, depth: number) => {
      if (!md || visited.has(md.dir) || depth > 8) return;
      visited.add(md.dir);
      const configMaps = new Map<string, string[]>();
      for (const b of md.resourceBlocks)
        this.extractResource(stack, b, scope, configMaps);
      for (const call of md.moduleCalls) {
        const target = this.moduleSourceDir(call, scope);
        if (!target) continue;
        if (target === dir || target.startsWith(`${dir}/`)) {
          const child = scope.modules.get(call.labels[0])?.();
          if (child) visit(this.dirs.get(target), child, depth + 1);
        } else {
          this.extractSharedModule(
            stack,
            call,
            scope,
            path.posix.basename(target),
          );
        }
      }
      this.attachPoolerIni(stack, md, configMaps);
    };
    visit(rootMd, rootScope, 0);
    // Stack-local modules nobody calls (or called with count/for_each).
    for (const md of this.stackDirs.get(name) ?? []) {
      if (!visited.has(md.dir)) {
        visit(md, this.makeScope(md, md.dir, dir, new Map()), 1);
      }
    }
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
    for (const w of stack.workloads) {
      const ns = valText(w.namespace);
      w.tier ??= ns ? stack.namespaceTiers[ns] : undefined;
    }
    return stack;
  }

  at(block: HclBlock, line = block.line): SourcePos {
    return { file: block.file, line };
  }

  extractResource(
    stack: StackModel,
    b: HclBlock,
    scope: Scope,
    configMaps: Map<string, string[]>,
  ) {
    const [type, tfName] = b.labels;
    const address = `${type}.${tfName}`;
    const id = `${b.file}:${b.line}`;
    if (type in WORKLOAD_TYPES) {
      stack.workloads.push(
        this.workload(stack, b, scope, WORKLOAD_TYPES[type], address, id),
      );
    } else if (CRON_TYPES.has(type)) {
      stack.cronJobs.push(this.cronJob(stack, b, scope, address, id));
    } else if (PDB_TYPES.has(type)) {
      const meta = first(b, 'metadata');
      const spec = first(b, 'spec');
      const selector = first(spec, 'selector');
      stack.pdbs.push({
        id,
        stack: stack.name,
        address,
        name: str(meta, 'name', scope) ?? tfName,
        namespace: str(meta, 'namespace', scope),
        minAvailable: intOrString(spec, 'min_available', scope),
        maxUnavailable: intOrString(spec, 'max_unavailable', scope),
        selector: selector
          ? stringMap(selector, 'match_labels', scope)
          : undefined,
        source: this.at(b),
      });
    } else if (SERVICE_TYPES.has(type)) {
      const meta = first(b, 'metadata');
      const spec = first(b, 'spec');
      const selector = stringMap(spec, 'selector', scope);
      stack.services.push({
        id,
        stack: stack.name,
        name: str(meta, 'name', scope) ?? tfName,
        namespace: str(meta, 'namespace', scope),
        selector: Object.keys(selector).length ? selector : undefined,
        source: this.at(b),
      });
    } else if (PVC_TYPES.has(type)) {
      stack.pvcs.push(this.pvc(stack, b, scope, 'pvc', id));
    } else if (CONFIG_MAP_TYPES.has(type)) {
      const meta = first(b, 'metadata');
      const name = valText(str(meta, 'name', scope));
      const data = attr(b, 'data');
      const referenced: string[] = [];
      if (data?.expr.kind === 'object') {
        for (const e of data.expr.entries) {
          const f = this.referencedFile(e.value, scope);
          if (f) referenced.push(f);
        }
      }
      if (name) configMaps.set(name, referenced);
    } else if (NAMESPACE_TYPES.has(type)) {
      const meta = first(b, 'metadata');
      const name = valText(str(meta, 'name', scope));
      const tier = stringMap(meta, 'labels', scope).tier;
      if (name && tier) stack.namespaceTiers[name] = tier;
    } else if (type === 'helm_release') {
      this.helmRelease(stack, b, scope, address);
    } else if (type === 'authentik_outpost') {
      this.outpost(stack, b, scope, address, id);
    } else if (type === 'kubernetes_manifest') {
      this.manifest(stack, b, scope, id);
    } else if (type === 'postgresql_database' || type === 'mysql_database') {
      const name = str(b, 'name', scope) ?? tfName;
      stack.databases.push({
        id,
        stack: stack.name,
        engine: type === 'postgresql_database' ? 'postgresql' : 'mysql',
        role: 'database',
        name,
        hosts: [],
        storage: [],
        source: this.at(b),
      });
    }
  }

  /** `templatefile("${path.module}/x.ini", {...})` or `file(...)`: the repo path it reads. */
  referencedFile(expr: Expr, scope: Scope): string | undefined {
    if (
      expr.kind !== 'call' ||
      !['templatefile', 'file'].includes(expr.name) ||
      !expr.args[0]
    )
      return undefined;
    const p = resolve(expr.args[0], scope);
    if (typeof p !== 'string') return undefined;
    return path.posix.normalize(p);
  }

  containers(podSpec: HclBlock | undefined, scope: Scope): ContainerModel[] {
    return sub(podSpec, 'container').map(c => {
      const res = first(c, 'resources');
      const requests = value(res, 'requests', scope);
      const limits = value(res, 'limits', scope);
      const reqMap =
        recordOf(requests) ?? blockMap(first(res, 'requests'), scope);
      const limMap = recordOf(limits) ?? blockMap(first(res, 'limits'), scope);
      const limitsAttr = attr(res, 'limits') ?? first(res, 'limits');
      const env: EnvVar[] = sub(c, 'env').map(e => {
        const v = attr(e, 'value');
        return {
          name: valText(str(e, 'name', scope)) ?? '',
          value: v ? resolve(v.expr, scope) : undefined,
          at: this.at(e),
        };
      });
      const pick = (
        m: Record<string, HclValue> | undefined,
        k: string,
        whole: HclValue | undefined,
      ) => {
        if (m) return toStr(m[k]);
        return isUnresolved(whole) ? whole : undefined;
      };
      return {
        name: str(c, 'name', scope) ?? new Unresolved('(unnamed container)'),
        image: str(c, 'image', scope),
        cpuRequest: pick(reqMap, 'cpu', requests),
        memoryRequest: pick(reqMap, 'memory', requests),
        cpuLimit: pick(limMap, 'cpu', limits),
        memoryLimit: pick(limMap, 'memory', limits),
        resourcesAt: this.at(res ?? c),
        cpuLimitAt:
          limMap && limMap.cpu !== undefined && limitsAttr
            ? { file: c.file, line: limitsAttr.line }
            : undefined,
        env,
      };
    });
  }

  volumes(podSpec: HclBlock | undefined, scope: Scope): VolumeModel[] {
    return sub(podSpec, 'volume').map(v => {
      const pvc = first(v, 'persistent_volume_claim');
      const cm = first(v, 'config_map');
      return {
        name: str(v, 'name', scope) ?? '',
        claimName: pvc ? str(pvc, 'claim_name', scope) : undefined,
        nfs: !!first(v, 'nfs'),
        configMap: cm ? str(cm, 'name', scope) : undefined,
      };
    });
  }

  lifecycle(b: HclBlock): LifecycleModel {
    const lc = first(b, 'lifecycle');
    if (!lc) return { ignoreChanges: [], kyvernoMarker: false };
    const ic = attr(lc, 'ignore_changes');
    let items: string[] = [];
    if (ic?.expr.kind === 'tuple')
      items = ic.expr.items.map(i => i.raw.replace(/\s+/g, ''));
    else if (ic) items = [ic.expr.raw];
    const comments = commentsWithin(lc, this.commentsByFile.get(b.file) ?? []);
    return {
      ignoreChanges: items,
      kyvernoMarker: comments.some(c =>
        c.text.includes('KYVERNO_LIFECYCLE_V1'),
      ),
      source: this.at(ic ? lc : b, ic?.line ?? lc.line),
    };
  }

  isCritical(
    name: Val<string> | undefined,
    labels: Record<string, string>,
  ): boolean {
    if (
      labels['critical-path'] === 'true' ||
      labels['infra.homelab/critical-path'] === 'true'
    )
      return true;
    const n = valText(name);
    return !!n && this.criticalPath.some(r => r.test(n));
  }

  workload(
    stack: StackModel,
    b: HclBlock,
    scope: Scope,
    kind: 'deployment' | 'stateful-set',
    address: string,
    id: string,
  ): WorkloadModel {
    const meta = first(b, 'metadata');
    const spec = first(b, 'spec');
    const template = first(spec, 'template');
    const podSpec = first(template, 'spec');
    const labels = stringMap(meta, 'labels', scope);
    const podLabels = stringMap(first(template, 'metadata'), 'labels', scope);
    const selectorBlock = first(spec, 'selector');
    const selector = selectorBlock
      ? stringMap(selectorBlock, 'match_labels', scope)
      : undefined;
    const name = str(meta, 'name', scope) ?? b.labels[1];
    const strategyBlock =
      kind === 'deployment'
        ? first(spec, 'strategy')
        : first(spec, 'update_strategy');
    const containers = this.containers(podSpec, scope);
    const volumeClaimTemplates = sub(spec, 'volume_claim_template').map(t =>
      this.pvc(stack, t, scope, 'volume-claim-template', `${b.file}:${t.line}`),
    );
    const replicasAttr = attr(spec, 'replicas');
    const w: WorkloadModel = {
      id,
      stack: stack.name,
      kind,
      address,
      role: 'service',
      name,
      namespace: str(meta, 'namespace', scope),
      labels,
      podLabels,
      selector: selector && Object.keys(selector).length ? selector : undefined,
      replicas: num(spec, 'replicas', scope),
      replicasAt: replicasAttr ? this.at(b, replicasAttr.line) : undefined,
      strategy: str(strategyBlock, 'type', scope),
      strategyAt: strategyBlock ? this.at(strategyBlock) : undefined,
      containers,
      volumes: this.volumes(podSpec, scope),
      volumeClaimTemplates,
      lifecycle: this.lifecycle(b),
      criticalPath: this.isCritical(name, { ...labels, ...podLabels }),
      tier: labels.tier,
      source: this.at(b),
    };
    const images = containers.map(c => valText(c.image) ?? '');
    if (images.some(i => /(^|\/)pgbouncer(:|@|$)|pgbouncer/i.test(i)))
      w.role = 'pooler';
    const dbImage = images
      .map(i => /(^|\/)(mysql|mariadb|postgres|postgresql)(:|@|$)/i.exec(i))
      .find(Boolean);
    if (dbImage) {
      w.role = 'database';
      w.engine = /postgres/i.test(dbImage[2]) ? 'postgresql' : 'mysql';
    }
    return w;
  }

  cronJob(
    stack: StackModel,
    b: HclBlock,
    scope: Scope,
    address: string,
    id: string,
  ): CronJobModel {
    const meta = first(b, 'metadata');
    const spec = first(b, 'spec');
    const podSpec = first(
      first(first(first(spec, 'job_template'), 'spec'), 'template'),
      'spec',
    );
    return {
      id,
      stack: stack.name,
      address,
      name: str(meta, 'name', scope) ?? b.labels[1],
      namespace: str(meta, 'namespace', scope),
      schedule: str(spec, 'schedule', scope),
      containers: this.containers(podSpec, scope),
      volumes: this.volumes(podSpec, scope),
      lifecycle: this.lifecycle(b),
      source: this.at(b),
    };
  }

  pvc(
    stack: StackModel,
    b: HclBlock,
    scope: Scope,
    type: PvcModel['type'],
    id: string,
  ): PvcModel {
    const meta = first(b, 'metadata');
    const spec = first(b, 'spec');
    const annotations = stringMap(meta, 'annotations', scope);
    const res = first(spec, 'resources');
    const requests =
      recordOf(value(res, 'requests', scope)) ??
      blockMap(first(res, 'requests'), scope);
    const modes = value(spec, 'access_modes', scope);
    return {
      id,
      stack: stack.name,
      name: str(meta, 'name', scope) ?? b.labels[1] ?? '',
      namespace: str(meta, 'namespace', scope),
      storageClass: str(spec, 'storage_class_name', scope),
      size: requests ? toStr(requests.storage) : undefined,
      accessModes: Array.isArray(modes)
        ? modes.filter((m): m is string => typeof m === 'string')
        : [],
      storageLimit: annotations['resize.topolvm.io/storage_limit'],
      type,
      source: this.at(b),
    };
  }

  helmRelease(stack: StackModel, b: HclBlock, scope: Scope, address: string) {
    const chartVal = str(b, 'chart', scope);
    const chartName = valText(chartVal)?.split('/').pop();
    const chart = chartName ? KNOWN_CHARTS[chartName] : undefined;
    if (!chart) return;
    const release = str(b, 'name', scope) ?? b.labels[1];
    const releaseName = valText(release) ?? b.labels[1];
    const namespace = str(b, 'namespace', scope);
    const values = new HelmValues();
    let valuesFile: SourcePos | undefined;
    const valuesAttr = attr(b, 'values');
    const items =
      valuesAttr?.expr.kind === 'tuple' ? valuesAttr.expr.items : [];
    for (const item of items) {
      const file = this.referencedFile(item, scope);
      if (file !== undefined) {
        const text = this.texts.get(file);
        if (text === undefined) continue;
        const content =
          item.kind === 'call' && item.name === 'templatefile'
            ? substituteTemplateVars(text, item.args[1], scope)
            : text;
        const err = values.addYaml(file, content);
        if (err) {
          this.parseErrors.push({
            file,
            line: Number(/line (\d+)/.exec(err)?.[1] ?? 1),
            column: 1,
            message: `YAML error: ${err}`,
          });
          stack.parseErrors.push(this.parseErrors[this.parseErrors.length - 1]);
        }
        valuesFile ??= { file, line: 1 };
      } else if (
        item.kind === 'call' &&
        item.name === 'yamlencode' &&
        item.args[0]
      ) {
        const v = resolve(item.args[0], scope);
        if (
          v &&
          typeof v === 'object' &&
          !Array.isArray(v) &&
          !isUnresolved(v)
        ) {
          values.addObject(v as Record<string, unknown>, this.at(b, item.line));
        }
      }
    }
    for (const s of sub(b, 'set')) {
      const key = valText(str(s, 'name', scope));
      const v = value(s, 'value', scope);
      if (!key || v === undefined || isUnresolved(v)) continue;
      const obj: Record<string, unknown> = {};
      let cur = obj;
      const segs = key.split('.');
      segs.forEach((seg, i) => {
        if (i === segs.length - 1) cur[seg] = v;
        else cur = (cur[seg] = {}) as Record<string, unknown>;
      });
      values.addObject(obj, this.at(s));
    }
    const repo =
      values.get(chart.imageKeys.repository)?.value ??
      chart.imageKeys.defaultRepository;
    const tag = values.get(chart.imageKeys.tag)?.value;
    const image = tag ? `${repo}:${tag}` : undefined;
    const sharedEnv = chart.sharedEnvKeys.flatMap(k =>
      envFromValues(values.get(k)),
    );
    for (const cw of chart.workloads) {
      const key = cw.valuesKey;
      const replicas = values.get(`${key}.replicas`);
      const res = (p: string) => {
        const hit = values.get(`${key}.resources.${p}`);
        return hit &&
          (typeof hit.value === 'string' || typeof hit.value === 'number')
          ? String(hit.value)
          : undefined;
      };
      const resourcesAt =
        values.get(`${key}.resources`)?.at ?? valuesFile ?? this.at(b);
      const pdbEnabled = values.get(`${key}.pdb.enabled`)?.value;
      const pdbMin = values.get(`${key}.pdb.minAvailable`);
      const pdbMax = values.get(`${key}.pdb.maxUnavailable`);
      const podLabels = chart.podLabels(releaseName, cw.component);
      const objectName = chart.objectName(releaseName, cw.component);
      const strategy = values.get(`${key}.deploymentStrategy.type`);
      const container: ContainerModel = {
        name: cw.component,
        image,
        cpuRequest: res('requests.cpu'),
        memoryRequest: res('requests.memory'),
        cpuLimit: res('limits.cpu'),
        memoryLimit: res('limits.memory'),
        resourcesAt,
        cpuLimitAt: res('limits.cpu')
          ? values.get(`${key}.resources.limits.cpu`)?.at
          : undefined,
        env: [...sharedEnv, ...envFromValues(values.get(`${key}.env`))],
      };
      stack.workloads.push({
        id: `${b.file}:${b.line}#${cw.component}`,
        stack: stack.name,
        kind: 'helm',
        address: `${address}[${cw.component}]`,
        role: 'service',
        name: objectName,
        namespace,
        labels: {},
        podLabels,
        selector: podLabels,
        replicas: helmReplicas(replicas?.value, cw.defaultReplicas),
        replicasAt: replicas?.at,
        strategy:
          typeof strategy?.value === 'string' ? strategy.value : undefined,
        strategyAt: strategy?.at,
        containers: [container],
        volumes: [],
        volumeClaimTemplates: [],
        criticalPath: this.isCritical(objectName, {}),
        helm: {
          release,
          chart: chartVal ?? '',
          component: cw.component,
          valuesFile,
        },
        inlinePdb:
          pdbEnabled === true
            ? {
                minAvailable: pdbMin?.value as number | string | undefined,
                maxUnavailable: pdbMax?.value as number | string | undefined,
                source: (pdbMin ?? pdbMax ?? values.get(`${key}.pdb.enabled`))!
                  .at,
              }
            : undefined,
        source: this.at(b),
      });
    }
  }

  /** An authentik outpost: a Deployment authentik's controller runs for it. */
  outpost(
    stack: StackModel,
    b: HclBlock,
    scope: Scope,
    address: string,
    id: string,
  ) {
    const name = str(b, 'name', scope) ?? b.labels[1];
    const cfgAttr = attr(b, 'config');
    let config: HclValue | undefined;
    if (
      cfgAttr?.expr.kind === 'call' &&
      cfgAttr.expr.name === 'jsonencode' &&
      cfgAttr.expr.args[0]
    ) {
      config = resolve(cfgAttr.expr.args[0], scope);
    }
    const cfg = recordOf(config);
    const slug = (valText(name) ?? b.labels[1])
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const objectName = `ak-outpost-${slug}`;
    const replicas = cfg?.kubernetes_replicas;
    stack.workloads.push({
      id,
      stack: stack.name,
      kind: 'deployment',
      address,
      role: 'service',
      name: objectName,
      namespace: toStr(cfg?.kubernetes_namespace) ?? undefined,
      labels: {},
      podLabels: { 'goauthentik.io/outpost-name': slug },
      selector: { 'goauthentik.io/outpost-name': slug },
      replicas: typeof replicas === 'number' ? replicas : 1,
      replicasAt: cfgAttr ? this.at(b, cfgAttr.line) : undefined,
      containers: [],
      volumes: [],
      volumeClaimTemplates: [],
      criticalPath: this.isCritical(objectName, {}),
      source: this.at(b),
    });
  }

  manifest(stack: StackModel, b: HclBlock, scope: Scope, id: string) {
    const m = recordOf(value(b, 'manifest', scope));
    if (!m) return;
    const apiVersion = typeof m.apiVersion === 'string' ? m.apiVersion : '';
    if (!(apiVersion.startsWith('postgresql.cnpg.io/') && m.kind === 'Cluster'))
      return;
    const meta = recordOf(m.metadata) ?? {};
    const spec = recordOf(m.spec) ?? {};
    const storage = recordOf(spec.storage) ?? {};
    const name = toStr(meta.name) ?? b.labels[1];
    const namespace = toStr(meta.namespace);
    const n = valText(name);
    const ns = valText(namespace);
    const hosts =
      n && ns ? ['rw', 'ro', 'r'].flatMap(s => hostForms(`${n}-${s}`, ns)) : [];
    stack.databases.push({
      id,
      stack: stack.name,
      engine: 'postgresql',
      role: 'cluster',
      name,
      namespace,
      hosts,
      instances:
        typeof spec.instances === 'number' ? spec.instances : undefined,
      image: toStr(spec.imageName),
      storage: [
        {
          id: `${id}#storage`,
          stack: stack.name,
          name: n ? `${n}-1` : '',
          namespace,
          storageClass: toStr(storage.storageClass),
          size: toStr(storage.size),
          accessModes: ['ReadWriteOnce'],
          type: 'volume-claim-template',
          source: this.at(b),
        },
      ],
      source: this.at(b),
    });
  }

  extractSharedModule(
    stack: StackModel,
    call: HclBlock,
    caller: Scope,
    kind: string,
  ) {
    const child = caller.modules.get(call.labels[0])?.();
    if (!child) return;
    const input = (name: string): HclValue | undefined => {
      if (!child.inputs.has(name) && !child.variables.get(name)?.default)
        return undefined;
      return resolve(
        {
          kind: 'traversal',
          root: 'var',
          steps: [name],
          raw: `var.${name}`,
          line: call.line,
        },
        child,
      );
    };
    const output = (name: string): HclValue | undefined => {
      const e = child.outputs.get(name);
      return e ? resolve(e, child) : undefined;
    };
    const rawOf = (name: string) =>
      attr(call, name)?.expr.raw ?? `module.${call.labels[0]}.${name}`;
    const id = `${call.file}:${call.line}`;
    if (kind === 'ingress_factory') {
      const authAttr = attr(call, 'auth');
      const tierVal = input('auth');
      let authTier: Val<string> = 'required';
      if (typeof tierVal === 'string') authTier = tierVal;
      else if (authAttr) authTier = new Unresolved(authAttr.expr.raw);
      const justification = authAttr
        ? parseJustification(authAttr.leadingComments, authTier)
        : undefined;
      const svcAttr = attr(call, 'service_name');
      let anubis: string | undefined;
      if (
        svcAttr?.expr.kind === 'traversal' &&
        svcAttr.expr.root === 'module' &&
        typeof svcAttr.expr.steps[0] === 'string'
      ) {
        const target = caller.modules.has(svcAttr.expr.steps[0])
          ? svcAttr.expr.steps[0]
          : undefined;
        if (target) {
          const targetCall = [
            ...(this.dirs.get(caller.dir)?.moduleCalls ?? []),
          ].find(c => c.labels[0] === target);
          if (
            targetCall &&
            path.posix.basename(
              this.moduleSourceDir(targetCall, caller) ?? '',
            ) === 'anubis_instance'
          ) {
            anubis = target;
          }
        }
      }
      const paths = input('ingress_path');
      const antiAiValue = input('anti_ai_scraping');
      let antiAi: Val<boolean> | undefined;
      if (typeof antiAiValue === 'boolean') antiAi = antiAiValue;
      else if (attr(call, 'anti_ai_scraping'))
        antiAi = new Unresolved(rawOf('anti_ai_scraping'));
      const host = output('host') ?? input('host');
      const ingress: IngressModel = {
        id,
        stack: stack.name,
        moduleName: call.labels[0],
        namespace: toStr(input('namespace'), rawOf('namespace')),
        host:
          toStr(host, `module.${call.labels[0]}.host`) ??
          new Unresolved(`module.${call.labels[0]}.host`),
        authTier: authTier as IngressModel['authTier'],
        authDefaulted: !authAttr,
        authAt: authAttr ? { file: call.file, line: authAttr.line } : undefined,
        authComments: authAttr?.leadingComments ?? [],
        justification,
        dnsType: toStr(input('dns_type'), rawOf('dns_type')),
        antiAiScraping: antiAi,
        paths: ingressPaths(paths),
        serviceName:
          toStr(input('service_name'), rawOf('service_name')) ??
          toStr(input('name')) ??
          new Unresolved(rawOf('service_name')),
        port: (() => {
          const p = input('port');
          return typeof p === 'number' ||
            typeof p === 'string' ||
            isUnresolved(p)
            ? p
            : undefined;
        })(),
        anubis,
        source: this.at(call),
      };
      stack.ingresses.push(ingress);
    } else if (kind === 'anubis_instance') {
      stack.anubis.push({
        id,
        stack: stack.name,
        moduleName: call.labels[0],
        namespace: toStr(input('namespace'), rawOf('namespace')),
        serviceName: toStr(output('service_name')),
        targetUrl: toStr(input('target_url'), rawOf('target_url')),
        source: this.at(call),
      });
    } else if (kind === 'nfs_volume') {
      stack.pvcs.push({
        id,
        stack: stack.name,
        name: toStr(output('claim_name') ?? input('name'), rawOf('name')) ?? '',
        namespace: toStr(input('namespace'), rawOf('namespace')),
        storageClass: toStr(input('storage_class') ?? 'nfs'),
        size: toStr(input('storage') ?? input('size')),
        accessModes: ['ReadWriteMany'],
        type: 'nfs',
        source: this.at(call),
      });
    }
  }

  /** Pairs PgBouncer workloads with the `.ini` they mount and reads its settings. */
  attachPoolerIni(
    stack: StackModel,
    md: ModuleDir,
    configMaps: Map<string, string[]>,
  ) {
    for (const w of stack.workloads) {
      if (w.role !== 'pooler' || stack.poolers.some(p => p.workload === w))
        continue;
      if (
        !w.source.file.startsWith(`${md.dir}/`) ||
        path.posix.dirname(w.source.file) !== md.dir
      )
        continue;
      let iniPath: string | undefined;
      for (const v of w.volumes) {
        const cm = valText(v.configMap);
        const files = cm ? configMaps.get(cm) : undefined;
        iniPath ??= files?.find(f => f.endsWith('.ini'));
      }
      iniPath ??= (this.textsByDir.get(md.dir) ?? []).find(p =>
        p.endsWith('.ini'),
      );
      const pooler: PoolerModel = { workload: w, settings: {}, databases: [] };
      const text = iniPath ? this.texts.get(iniPath) : undefined;
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
}

/**
 * Builds the infra model of a repo from its files: one {@link StackModel}
 * per `stacks/<name>/`, with its workloads, cron jobs, PDBs, ingresses,
 * poolers and databases, and the links between them. Never throws on bad
 * source: parse errors are collected on the stack they belong to.
 */
export async function buildInfraModel(
  files: ReadonlyArray<InfraFile>,
  options: BuildInfraModelOptions = {},
): Promise<InfraModel> {
  const parser = await getHclParser();
  const cache = options.cache;
  cache?.beginRound();
  const texts = new Map<string, string>();
  const hclFiles: HclFile[] = [];
  for (const f of files) {
    if (/\.(tf|hcl|tfvars)$/.test(f.path)) {
      hclFiles.push(
        cache
          ? cache.parse(parser, f.path, f.content)
          : parseHclWith(parser, f.path, f.content),
      );
    } else {
      texts.set(f.path, f.content);
    }
  }
  cache?.endRound();
  const builder = new ModelBuilder(hclFiles, texts, options);
  return builder.build(files.length);
}

function helmReplicas(written: unknown, fallback: number): Val<number> {
  if (typeof written === 'number') return written;
  if (written === undefined) return fallback;
  return new Unresolved(String(written));
}

function ingressPaths(
  paths: HclValue | undefined,
): string[] | Unresolved | undefined {
  if (Array.isArray(paths))
    return paths.filter((p): p is string => typeof p === 'string');
  return isUnresolved(paths) ? paths : undefined;
}

function recordOf(
  v: HclValue | undefined,
): Record<string, HclValue> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) && !isUnresolved(v)
    ? (v as Record<string, HclValue>)
    : undefined;
}

/** Old-style `requests { cpu = ... }` blocks. */
function blockMap(
  block: HclBlock | undefined,
  scope: Scope,
): Record<string, HclValue> | undefined {
  if (!block) return undefined;
  const out: Record<string, HclValue> = {};
  for (const [k, a] of Object.entries(block.attributes))
    out[k] = resolve(a.expr, scope);
  return out;
}

function envFromValues(
  hit: { value: unknown; at: SourcePos } | undefined,
): EnvVar[] {
  if (!hit || !Array.isArray(hit.value)) return [];
  return hit.value
    .filter(
      (e): e is { name: string; value?: unknown } =>
        !!e && typeof e === 'object' && typeof (e as any).name === 'string',
    )
    .map(e => ({
      name: e.name,
      value:
        typeof e.value === 'string' ||
        typeof e.value === 'number' ||
        typeof e.value === 'boolean'
          ? e.value
          : undefined,
      at: hit.at,
    }));
}

/** Replaces `${name}` in a templatefile with the resolved template variables; leaves the rest. */
function substituteTemplateVars(
  text: string,
  varsExpr: Expr | undefined,
  scope: Scope,
): string {
  const vars = varsExpr ? recordOf(resolve(varsExpr, scope)) : undefined;
  return text.replace(
    /\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g,
    (m, name: string) => {
      const v = vars?.[name];
      return typeof v === 'string' ||
        typeof v === 'number' ||
        typeof v === 'boolean'
        ? String(v)
        : m;
    },
  );
}

export function hostForms(name: string, namespace: string): string[] {
  return [
    `${name}.${namespace}`,
    `${name}.${namespace}.svc`,
    `${name}.${namespace}.svc.cluster.local`,
  ];
}

/**
 * The convention: a comment line directly above `auth = "app"|"none"` of the
 * form `# auth = "<tier>": <what gates the app, or why it is public>`.
 */
export function parseJustification(
  comments: HclComment[],
  tier: Val<string>,
): string | undefined {
  const last = comments[comments.length - 1];
  if (!last || typeof tier !== 'string') return undefined;
  const m = /^auth\s*=\s*"([a-z]+)"\s*:\s*(.+)$/.exec(last.text);
  if (!m || m[1] !== tier || !m[2].trim()) return undefined;
  return m[2].trim();
}

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
function link(model: InfraModel) {
  const workloads = model.stacks.flatMap(s => s.workloads);
  const poolerByWorkload = new Map(
    model.stacks.flatMap(s => s.poolers).map(p => [p.workload.id, p]),
  );

  // Databases run as StatefulSets written in the stack.
  for (const stack of model.stacks) {
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
        instances: w.replicas,
        image: w.containers[0]?.image,
        storage: w.volumeClaimTemplates,
        workload: w,
        source: w.source,
      });
    }
  }
  const allDbs = model.stacks.flatMap(s => s.databases);
  const dbById = new Map(allDbs.map(d => [d.id, d]));

  // Per-app databases live on the one server of their engine in their stack, else in the repo.
  for (const db of allDbs) {
    if (db.role !== 'database') continue;
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

  const perApp = new Map<string, DatabaseModel>();
  for (const d of allDbs) {
    const n = valText(d.name);
    if (d.role === 'database' && d.serverId && n)
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

  // Workloads and cron jobs -> poolers and databases, from their env values.
  const users: Array<{ id: string; containers: ContainerModel[] }> = [
    ...workloads.filter(w => w.role === 'service'),
    ...model.stacks.flatMap(s => s.cronJobs),
  ];
  for (const u of users) {
    const env = u.containers.flatMap(c => c.env);
    const dbname = env
      .filter(e =>
        /(DB|DATABASE)_?NAME$|__NAME$|^POSTGRES_DB$|^MYSQL_DATABASE$/i.test(
          e.name,
        ),
      )
      .map(e => (typeof e.value === 'string' ? e.value : undefined))
      .find(Boolean);
    for (const e of env) {
      if (typeof e.value !== 'string') continue;
      for (const m of e.value.matchAll(
        /[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+/g,
      )) {
        const t = hosts.get(m[0]);
        if (!t) continue;
        const urlDb = new RegExp(
          `${m[0].replace(/\./g, '\\.')}(:\\d+)?/([A-Za-z0-9_-]+)`,
        ).exec(e.value)?.[2];
        addDep(u.id, t, urlDb ?? dbname);
      }
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
