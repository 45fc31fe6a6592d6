import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  INFRA_ANNOTATIONS,
  InfraDetails,
  InstanceDetails,
} from '@internal/backstage-plugin-infra-common';
import {
  InstanceInfo,
  SourcePos,
  Val,
} from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import { text } from './values';

export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';
export const ANNOTATION_LOCATION = 'backstage.io/managed-by-location';
export const ANNOTATION_ORIGIN_LOCATION =
  'backstage.io/managed-by-origin-location';

export interface InfraEntityInput {
  kind: 'System' | 'Component' | 'Resource';
  name: string;
  stack: string;
  /** Where the object is declared (source and edit links). */
  source: SourcePos;
  details: InfraDetails;
  /** Model id (or `stack:<name>`) whose findings the entity carries. */
  findingsOf?: string | string[];
  /** More annotations; undefined values are left out. */
  annotations?: Record<string, string | undefined>;
  title: string;
  description: string;
  tags?: string[];
  links?: Array<{ url: string; title?: string }>;
  spec: NonNullable<Entity['spec']>;
}

/**
 * An entity as the provider emits it: location annotations, the source and
 * edit links to the exact line, the stack, the details and the findings.
 */
export function infraEntity(
  ctx: EntityContext,
  input: InfraEntityInput,
): Entity {
  const { links } = ctx;
  const annotations: Record<string, string> = {
    [ANNOTATION_LOCATION]: links.locationRef,
    [ANNOTATION_ORIGIN_LOCATION]: links.locationRef,
    [ANNOTATION_SOURCE_LOCATION]: links.sourceLocation(
      input.source.file,
      input.source.line,
    ),
    [INFRA_ANNOTATIONS.stack]: input.stack,
    [INFRA_ANNOTATIONS.details]: JSON.stringify(input.details),
  };
  const edit = links.webUrl(input.source.file, input.source.line);
  if (edit) annotations[ANNOTATION_EDIT_URL] = edit;
  const subjects = new Set(
    input.findingsOf === undefined
      ? []
      : ([] as string[]).concat(input.findingsOf),
  );
  const findings = [...subjects].flatMap(s => ctx.findingsOf(s) ?? []);
  if (findings.length)
    annotations[INFRA_ANNOTATIONS.findings] = JSON.stringify(findings);
  const allowed = [...subjects].flatMap(s => ctx.allowedOf(s) ?? []);
  if (allowed.length)
    annotations[INFRA_ANNOTATIONS.allowed] = JSON.stringify(allowed);
  for (const [k, v] of Object.entries(input.annotations ?? {}))
    if (v !== undefined) annotations[k] = v;
  const metadata: Entity['metadata'] = {
    name: input.name,
    title: input.title,
    description: input.description,
    annotations,
  };
  if (input.tags?.length) metadata.tags = input.tags;
  if (input.links?.length) metadata.links = input.links;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: input.kind,
    metadata,
    spec: input.spec,
  };
}

/** The namespace and label selector the stock Kubernetes plugin reads. */
export function kubernetesAnnotations(o: {
  selector?: Record<string, string>;
  namespace?: Val<string>;
}): Record<string, string | undefined> {
  return {
    [ANNOTATION_KUBERNETES_LABEL_SELECTOR]:
      o.selector && Object.keys(o.selector).length
        ? Object.entries(o.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        : undefined,
    [ANNOTATION_KUBERNETES_NAMESPACE]: text(o.namespace),
  };
}

export function instanceDetails(
  instance: InstanceInfo | undefined,
): InstanceDetails | undefined {
  if (!instance) return undefined;
  const out: InstanceDetails = { address: instance.address };
  if (instance.key !== undefined) out.key = instance.key;
  if (instance.countUnknown !== undefined)
    out.countUnknown = instance.countUnknown;
  return out;
}

/**
 * A sentence on which instance this is, for descriptions: the key, or that
 * the number of instances is unknown (never presented as exactly one).
 */
export function describeInstance(instance: InstanceInfo | undefined): string {
  if (!instance) return '';
  if (instance.countUnknown !== undefined)
    return ` Instance count unknown: ${instance.countUnknown}.`;
  if (typeof instance.key === 'number')
    return ` Count index ${instance.key} (${instance.address}).`;
  if (instance.key !== undefined)
    return ` Instance ${JSON.stringify(instance.key)} (${instance.address}).`;
  return '';
}
