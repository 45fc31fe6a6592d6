import { Unresolved, isUnresolved } from '../hcl/values';
import {
  attr,
  first,
  str,
  stringMap,
  sub,
  toStr,
  value,
} from '../model/blocks';
import { IngressModel, Val } from '../model/types';
import { HclComment } from '../hcl/types';
import { force } from '../eval/lazy';
import { at, editSite, ExtractContext, siteId } from './context';
import { ModuleSite, ResourceSite } from './walk';

export const INGRESS_TYPES = new Set([
  'kubernetes_ingress_v1',
  'kubernetes_ingress',
]);
const MIDDLEWARES = 'traefik.ingress.kubernetes.io/router.middlewares';

/**
 * The convention: a comment line directly above `auth = "app"|"none"` of the
 * form `# auth = "<tier>": <what gates the app, or why it is public>`.
 */
export function parseJustification(
  comments: HclComment[],
  tier: Val<string>,
): string | undefined {
  if (typeof tier !== 'string') return undefined;
  for (const c of [...comments].reverse()) {
    const m = /auth\s*=\s*"([a-z]+)"\s*:?\s*(.*)$/.exec(c.text);
    if (m && m[1] === tier) return m[2].trim() || undefined;
  }
  return undefined;
}

/** A tier read from the Traefik middlewares an ingress attaches (for ingresses written without an `auth` input). */
function tierFromMiddlewares(annotations: Record<string, string>): Val<string> {
  const mw = annotations[MIDDLEWARES];
  if (mw === undefined) return 'none';
  const list = mw.split(',').map(s => s.trim());
  if (list.some(m => /forward-?auth.*public/i.test(m))) return 'public';
  if (list.some(m => /forward-?auth/i.test(m))) return 'required';
  return 'none';
}

/**
 * An ingress resource instance. Written inside a module instance whose
 * module takes an `auth` input (the ingress factory pattern), the tier,
 * DNS type and call site come from the call that creates that instance;
 * written plainly, the tier is read from its Traefik middlewares.
 */
export function extractIngress(
  ctx: ExtractContext,
  site: ResourceSite,
): IngressModel {
  const { block: b, scope, module } = site;
  const meta = first(b, 'metadata', scope);
  const spec = first(b, 'spec', scope);
  const annotations = stringMap(meta, 'annotations', scope);
  const rules = sub(spec, 'rule', scope);
  const hosts = rules.map(r => str(r, 'host', scope));
  const paths: string[] = [];
  let pathsUnknown: Unresolved | undefined;
  let serviceName: Val<string> | undefined;
  let port: Val<number | string> | undefined;
  for (const r of rules) {
    for (const p of sub(first(r, 'http', scope), 'path', scope)) {
      const pv = value(p, 'path', scope);
      if (typeof pv === 'string') paths.push(pv);
      else if (isUnresolved(pv)) pathsUnknown ??= pv;
      const svc = first(first(p, 'backend', scope), 'service', scope);
      serviceName ??= str(svc, 'name', scope);
      const portBlock = first(svc, 'port', scope);
      const n = value(portBlock, 'number', scope);
      port ??=
        typeof n === 'number' || typeof n === 'string' || isUnresolved(n)
          ? n
          : str(portBlock, 'name', scope);
    }
  }
  const factory = module.def?.variables.has('auth')
    ? site.calls[site.calls.length - 1]
    : undefined;
  const host: Val<string> =
    hosts.find(h => typeof h === 'string') ??
    hosts[0] ??
    new Unresolved('spec.rule.host', 'other');
  const common = {
    id: siteId(b, site.instance, ctx.stack.dir),
    stack: ctx.stack.name,
    instance: site.instance,
    namespace: str(meta, 'namespace', scope),
    host,
    extraHosts: hosts
      .slice(1)
      .filter((h): h is string => typeof h === 'string'),
    title: annotations['gethomepage.dev/name'],
    description: annotations['gethomepage.dev/description'],
    paths: paths.length ? paths : pathsUnknown,
    serviceName: serviceName ?? new Unresolved('backend.service.name', 'other'),
    port,
    source: editSite(site, ctx.stack.dir),
  };
  if (!factory) {
    return {
      ...common,
      kind: 'plain',
      moduleName: b.labels[1],
      authTier: tierFromMiddlewares(annotations),
      authDefaulted: false,
      authComments: [],
      dnsType: undefined,
    };
  }
  const authAttr = attr(factory, 'auth');
  const tierValue = force(module.variable('auth'));
  const authTier: Val<string> =
    typeof tierValue === 'string'
      ? tierValue
      : new Unresolved(
          authAttr?.expr.raw ?? 'var.auth',
          isUnresolved(tierValue) ? tierValue.reason : 'other',
        );
  const input = (name: string) =>
    module.def?.variables.has(name) ? force(module.variable(name)) : undefined;
  const antiAi = input('anti_ai_scraping');
  return {
    ...common,
    kind: 'factory',
    moduleName: factory.labels[0],
    authTier,
    authDefaulted: !authAttr,
    authAt: authAttr ? at(factory, authAttr.line) : undefined,
    authComments: authAttr?.leadingComments ?? [],
    justification: authAttr
      ? parseJustification(authAttr.leadingComments, authTier)
      : undefined,
    dnsType: toStr(input('dns_type')),
    antiAiScraping:
      typeof antiAi === 'boolean' || isUnresolved(antiAi) ? antiAi : undefined,
  };
}

/**
 * A call of a module that is not among the files read (a generated stack
 * checked on its own, a registry module) but that takes an `auth` input:
 * it still declares an ingress's tier at its call site, so the tier and its
 * justification are read from the call; what only the module would compute
 * (the full host) stays unresolved unless the call gives it.
 */
export function extractUnreadFactoryCall(
  ctx: ExtractContext,
  site: ModuleSite,
): IngressModel | undefined {
  const { call, module } = site;
  const authAttr = attr(call, 'auth');
  if (module.def || !authAttr) return undefined;
  const arg = (name: string) =>
    attr(call, name) ? force(module.variable(name)) : undefined;
  const tierValue = arg('auth');
  const authTier: Val<string> =
    typeof tierValue === 'string'
      ? tierValue
      : new Unresolved(authAttr.expr.raw, 'depends-on-unknown');
  const host = arg('full_host') ?? arg('host');
  const paths = arg('ingress_path');
  return {
    id: siteId(call, site.instance, ctx.stack.dir),
    stack: ctx.stack.name,
    kind: 'factory',
    moduleName: call.labels[0],
    instance: site.instance,
    namespace: toStr(arg('namespace')),
    host:
      typeof host === 'string' && host.includes('.')
        ? host
        : new Unresolved(`module.${call.labels[0]}.host`, 'missing-file'),
    authTier,
    authDefaulted: false,
    authAt: at(call, authAttr.line),
    authComments: authAttr.leadingComments,
    justification: parseJustification(authAttr.leadingComments, authTier),
    dnsType: toStr(arg('dns_type')),
    paths: Array.isArray(paths)
      ? paths.filter((p): p is string => typeof p === 'string')
      : undefined,
    serviceName:
      toStr(arg('service_name') ?? arg('name')) ??
      new Unresolved('service_name', 'other'),
    source: at(call),
  };
}
