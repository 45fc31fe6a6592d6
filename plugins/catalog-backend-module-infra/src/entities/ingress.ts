import { Entity } from '@backstage/catalog-model';
import {
  AuthTier,
  hostUrl,
  isFullHostname,
  INFRA_ANNOTATIONS,
  INFRA_ENTITY_TYPES,
  IngressDetails,
  isAuthTier,
} from '@internal/backstage-plugin-infra-common';
import {
  IngressModel,
  StackModel,
} from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import { describeInstance, infraEntity, instanceDetails } from './metadata';
import { annotationText, plain, text } from './values';

/**
 * What the homepage dashboard calls the app (`gethomepage.dev/name` and
 * `description`), e.g. `Wiki: Team handbook`; empty when it says nothing.
 * Descriptions lead with it so a catalog search for the app's name finds it.
 */
export function homepageLine(i: IngressModel | undefined): string {
  if (!i) return '';
  return [i.title, i.description].filter(Boolean).join(': ');
}

export function tierTags(tier: IngressModel['authTier'] | undefined): string[] {
  return typeof tier === 'string' ? [`auth-${tier as AuthTier}`] : [];
}

/** The exposure annotations of an ingress (also written on the workload it fronts). */
export function ingressAnnotations(
  i: IngressModel | undefined,
): Record<string, string | undefined> {
  if (!i) return {};
  return {
    [INFRA_ANNOTATIONS.authTier]:
      typeof i.authTier === 'string' && isAuthTier(i.authTier)
        ? i.authTier
        : annotationText(i.authTier),
    [INFRA_ANNOTATIONS.authJustification]: i.justification,
    [INFRA_ANNOTATIONS.dnsType]: text(i.dnsType),
    [INFRA_ANNOTATIONS.host]: annotationText(i.host),
    [INFRA_ANNOTATIONS.anubis]: String(!!i.anubis),
  };
}

const pathsOf = (i: IngressModel) =>
  Array.isArray(i.paths) ? i.paths : undefined;

/** Browser links to the ingress's hosts; none for a host that is unresolved or not a full name. */
function hostLinks(i: IngressModel): Array<{ url: string; title: string }> {
  const hosts = [text(i.host), ...(i.extraHosts ?? [])].filter(
    (h): h is string => !!h,
  );
  const path = pathsOf(i)?.[0];
  return [...new Set(hosts)].flatMap(host => {
    const url = hostUrl(host, path);
    return url ? [{ url, title: host }] : [];
  });
}

/**
 * The title people recognise: the host and paths they type, else the name
 * the homepage dashboard shows, else the Terraform label.
 */
function ingressTitle(i: IngressModel): string {
  const host = text(i.host);
  const paths = pathsOf(i);
  // A carve-out reads as host and paths; `/` is the whole host.
  const carveOuts = paths?.filter(p => p !== '/') ?? [];
  if (host && isFullHostname(host))
    return `${host}${carveOuts.length ? ` ${carveOuts.join(' ')}` : ''}`;
  return i.title ?? host ?? i.moduleName;
}

function describeIngress(i: IngressModel, stack: StackModel): string {
  const what =
    i.kind === 'plain'
      ? `Ingress kubernetes_ingress_v1.${i.moduleName}`
      : `Ingress module.${i.moduleName}`;
  const auth = `auth ${text(i.authTier) ?? 'unresolved'}${
    i.authDefaulted ? ', the default' : ''
  }`;
  const homepage = homepageLine(i);
  const lead = homepage ? `${homepage}. ` : '';
  return `${lead}${what} (${auth}) in stack ${stack.name}.${describeInstance(
    i.instance,
  )}`;
}

/**
 * A Resource per ingress, `ingress_factory` call or plain
 * `kubernetes_ingress_v1` alike: host, auth tier and what gates it, and a
 * `dependsOn` to the workload behind it (and the Anubis Deployment in front
 * of that, when there is one).
 */
export function ingressEntity(
  ctx: EntityContext,
  stack: StackModel,
  i: IngressModel,
): Entity {
  const r = ctx.refs.require(i.id);
  const targetId = ctx.model.ingressTargets.get(i.id);
  const target = targetId ? ctx.refs.link(targetId) : undefined;
  const anubis = ctx.index.anubisOf(i);
  const anubisWorkload = anubis?.workloadId
    ? ctx.refs.link(anubis.workloadId)
    : undefined;
  const links = hostLinks(i);
  const details: IngressDetails = {
    kind: 'ingress',
    ingressKind: i.kind,
    stack: stack.name,
    namespace: plain(i.namespace),
    source: ctx.src(i.source),
    instance: instanceDetails(i.instance),
    moduleName: i.moduleName,
    host: plain(i.host),
    extraHosts: i.extraHosts?.length ? i.extraHosts : undefined,
    url: links.find(l => l.title === text(i.host))?.url,
    homepageName: i.title,
    homepageDescription: i.description,
    authTier: plain(i.authTier) as IngressDetails['authTier'],
    authDefaulted: i.authDefaulted,
    authLine: i.authAt?.line,
    justification: i.justification,
    dnsType: plain(i.dnsType),
    anubis: !!i.anubis,
    anubisInstance: i.anubis,
    anubisWorkload,
    anubisPdb: anubis?.pdbId ? ctx.refs.link(anubis.pdbId) : undefined,
    antiAiScraping: plain(i.antiAiScraping),
    paths: pathsOf(i),
    service: { name: plain(i.serviceName), port: plain(i.port) },
    target,
  };
  const dependsOn = [
    ...new Set(
      [target?.ref, anubisWorkload?.ref].filter((x): x is string => !!x),
    ),
  ];
  return infraEntity(ctx, {
    kind: 'Resource',
    name: r.name,
    stack: stack.name,
    source: i.source,
    details,
    findingsOf: i.id,
    annotations: ingressAnnotations(i),
    title: ingressTitle(i),
    description: describeIngress(i, stack),
    tags: tierTags(i.authTier),
    links,
    spec: {
      type: INFRA_ENTITY_TYPES.ingress,
      owner: ctx.ownerOf(stack.name),
      system: ctx.refs.system(stack.name)!.name,
      dependsOn,
    },
  });
}
