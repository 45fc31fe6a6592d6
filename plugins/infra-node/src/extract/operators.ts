import { asRecord, HclValue } from '../hcl/values';
import { resolve } from '../eval/evaluate';
import { readYaml } from './yamlDocuments';
import { attr, str, toStr, value, valText } from '../model/blocks';
import { DatabaseModel, WorkloadModel } from '../model/types';
import { at, editSite, ExtractContext, siteId } from './context';
import { ResourceSite } from './walk';

export function hostForms(name: string, namespace: string): string[] {
  return [
    `${name}.${namespace}`,
    `${name}.${namespace}.svc`,
    `${name}.${namespace}.svc.cluster.local`,
  ];
}

/** An authentik outpost: a Deployment authentik's controller runs for it. */
export function extractOutpost(
  ctx: ExtractContext,
  site: ResourceSite,
): WorkloadModel {
  const { block: b, scope } = site;
  const name = str(b, 'name', scope) ?? b.labels[1];
  const cfgAttr = attr(b, 'config');
  let config: HclValue | undefined;
  if (
    cfgAttr?.expr.kind === 'call' &&
    cfgAttr.expr.name === 'jsonencode' &&
    cfgAttr.expr.args[0]
  )
    config = resolve(cfgAttr.expr.args[0], scope);
  const cfg = asRecord(config);
  const slug = (valText(name) ?? b.labels[1])
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const objectName = `ak-outpost-${slug}`;
  const replicas = cfg?.kubernetes_replicas;
  return {
    id: siteId(b, site.instance, ctx.stack.dir),
    stack: ctx.stack.name,
    kind: 'deployment',
    address: site.instance.address,
    role: 'service',
    name: objectName,
    namespace: toStr(cfg?.kubernetes_namespace) ?? undefined,
    labels: {},
    podLabels: { 'goauthentik.io/outpost-name': slug },
    selector: { 'goauthentik.io/outpost-name': slug },
    replicas: typeof replicas === 'number' ? replicas : 1,
    replicasAt: cfgAttr ? at(b, cfgAttr.line) : undefined,
    containers: [],
    volumes: [],
    volumeClaimTemplates: [],
    criticalPath: ctx.isCritical(objectName, {}),
    instance: site.instance,
    liveManaged: [],
    source: editSite(site, ctx.stack.dir),
  };
}

/** Manifests by the resource instance that writes them: several extractors ask for the same one. */
const manifestsBySite = new WeakMap<
  ResourceSite,
  Record<string, HclValue> | undefined
>();

/**
 * The Kubernetes object a manifest resource writes: `manifest = {...}` or a
 * kubectl `yaml_body`, evaluated once per resource instance. Callers only
 * read it.
 */
export function manifestObject(
  site: ResourceSite,
): Record<string, HclValue> | undefined {
  if (manifestsBySite.has(site)) return manifestsBySite.get(site);
  const m = readManifestObject(site);
  manifestsBySite.set(site, m);
  return m;
}

function readManifestObject(
  site: ResourceSite,
): Record<string, HclValue> | undefined {
  const { block: b, scope } = site;
  const m = asRecord(value(b, 'manifest', scope));
  if (m) return m;
  const yaml = value(b, 'yaml_body', scope);
  if (typeof yaml !== 'string') return undefined;
  return asRecord(parseManifestText(yaml));
}

/**
 * YAML text of a manifest. `yaml_body = yamlencode({...})` is the common
 * case, and its text is JSON (a subset of YAML, and what our `yamlencode`
 * returns): JSON's own parser reads it about fifty times faster than a YAML
 * parser; anything else goes to the YAML parser.
 */
function parseManifestText(text: string): HclValue | undefined {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text) as HclValue;
    } catch {
      // Flow-style YAML that is not JSON: the YAML parser reads it below.
    }
  }
  return readYaml(text) as HclValue | undefined;
}

/** A CloudNativePG `Cluster` object, wherever it is written (a manifest resource, YAML a command applies). */
export function cnpgClusterOf(
  ctx: ExtractContext,
  site: ResourceSite,
  m: Record<string, HclValue>,
  id: string,
): DatabaseModel | undefined {
  const apiVersion = typeof m.apiVersion === 'string' ? m.apiVersion : '';
  if (!(apiVersion.startsWith('postgresql.cnpg.io/') && m.kind === 'Cluster'))
    return undefined;
  const meta = asRecord(m.metadata) ?? {};
  const spec = asRecord(m.spec) ?? {};
  const storage = asRecord(spec.storage) ?? {};
  const name = toStr(meta.name) ?? site.block.labels[1];
  const namespace = toStr(meta.namespace);
  const n = valText(name);
  const ns = valText(namespace);
  return {
    id,
    stack: ctx.stack.name,
    engine: 'postgresql',
    role: 'cluster',
    declaredBy: 'cnpg-cluster',
    name,
    namespace,
    hosts:
      n && ns ? ['rw', 'ro', 'r'].flatMap(s => hostForms(`${n}-${s}`, ns)) : [],
    instances: typeof spec.instances === 'number' ? spec.instances : undefined,
    image: toStr(spec.imageName),
    storage: [
      {
        id: `${id}#storage`,
        stack: ctx.stack.name,
        name: n ? `${n}-1` : '',
        namespace,
        storageClass: toStr(storage.storageClass),
        size: toStr(storage.size),
        accessModes: ['ReadWriteOnce'],
        type: 'volume-claim-template',
        source: at(site.block),
      },
    ],
    source: editSite(site, ctx.stack.dir),
  };
}

/** A CloudNativePG `Cluster` written as a `kubernetes_manifest` (or a kubectl manifest). */
export function extractCnpgCluster(
  ctx: ExtractContext,
  site: ResourceSite,
): DatabaseModel | undefined {
  const m = manifestObject(site);
  return m
    ? cnpgClusterOf(
        ctx,
        site,
        m,
        siteId(site.block, site.instance, ctx.stack.dir),
      )
    : undefined;
}
