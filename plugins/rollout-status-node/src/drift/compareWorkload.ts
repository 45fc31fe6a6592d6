import { V1Container, V1Deployment, V1Probe } from '@kubernetes/client-node';
import { sameQuantity } from '@internal/backstage-plugin-infra-common';
import {
  ProbeModel,
  SourcePos,
  isUnresolved,
} from '@internal/backstage-plugin-infra-node';
import { DerivedWorkload } from '../targets/types';
import { containerFieldPath, lastWriter } from './managedFields';
import { DriftItem } from './types';

/** Kubernetes' probe defaults, so an unwritten field compares as what runs. */
const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  failureThreshold: 3,
  successThreshold: 1,
} as const;
const PROBES = [
  ['liveness', 'livenessProbe'],
  ['readiness', 'readinessProbe'],
  ['startup', 'startupProbe'],
] as const;

type Base = Omit<
  DriftItem,
  | 'field'
  | 'declared'
  | 'live'
  | 'status'
  | 'file'
  | 'line'
  | 'changedBy'
  | 'managedBy'
>;

function probeText(p: ProbeModel | V1Probe | undefined): string {
  if (!p) return 'none';
  return Object.keys(PROBE_DEFAULTS)
    .map(
      k =>
        `${k}=${
          (p as Record<string, unknown>)[k] ??
          PROBE_DEFAULTS[k as keyof typeof PROBE_DEFAULTS]
        }`,
    )
    .join(' ');
}

function probeDiffers(
  declared: ProbeModel | undefined,
  live: V1Probe | undefined,
): boolean {
  if (!declared || !live) return Boolean(declared) !== Boolean(live);
  return (
    Object.keys(PROBE_DEFAULTS) as Array<keyof typeof PROBE_DEFAULTS>
  ).some(k => {
    const d = declared[k];
    if (d !== undefined && isUnresolved(d)) return false;
    return (d ?? PROBE_DEFAULTS[k]) !== (live[k] ?? PROBE_DEFAULTS[k]);
  });
}

function quantityDiffers(
  declared: string | undefined,
  live: string | undefined,
): boolean {
  if (declared === undefined) return false;
  if (live === undefined) return true;
  return !sameQuantity(declared, live);
}

/**
 * What a Terraform-declared workload's live Deployment runs that the
 * `.tf` does not say: replicas, images, resources, probes and strategy.
 * A field the Terraform hands to a live manager is `managed`, not drift;
 * every item says who last wrote the live field where managedFields
 * records it, and the file and line to change.
 */
export function compareWorkload(
  base: Base,
  declared: DerivedWorkload,
  live: V1Deployment,
): DriftItem[] {
  const items: DriftItem[] = [];
  const entries = live.metadata?.managedFields;
  const managed = (field: string) =>
    declared.liveManaged.find(m => m.field === field);
  const add = (
    field: string,
    declaredText: string,
    liveText: string,
    at: SourcePos | undefined,
    path: string[],
    managedField?: string,
  ) => {
    const m = managedField ? managed(managedField) : undefined;
    const pos = at ?? declared.source;
    items.push({
      ...base,
      field,
      declared: declaredText,
      live: liveText,
      status: m ? 'managed' : 'drift',
      ...(m ? { managedBy: `${m.manager} (${m.evidence})` } : {}),
      changedBy: lastWriter(entries, path),
      file: pos.file,
      line: pos.line,
    });
  };

  const liveReplicas = live.spec?.replicas;
  if (
    declared.replicas !== undefined &&
    liveReplicas !== undefined &&
    liveReplicas !== declared.replicas
  ) {
    add(
      'replicas',
      String(declared.replicas),
      String(liveReplicas),
      declared.replicasAt,
      ['f:spec', 'f:replicas'],
      'replicas',
    );
  }
  const liveStrategy = live.spec?.strategy?.type;
  if (declared.strategy && liveStrategy && declared.strategy !== liveStrategy) {
    add('strategy', declared.strategy, liveStrategy, declared.strategyAt, [
      'f:spec',
      'f:strategy',
    ]);
  }
  const liveContainers = live.spec?.template.spec?.containers ?? [];
  for (const c of declared.containers) {
    const lc: V1Container | undefined = liveContainers.find(
      x => x.name === c.name,
    );
    if (!lc) {
      add(`container ${c.name}`, 'declared', 'not running', c.at, [
        'f:spec',
        'f:template',
        'f:spec',
        'f:containers',
      ]);
      continue;
    }
    if (c.image && lc.image && c.image !== lc.image) {
      add(
        `image (${c.name})`,
        c.image,
        lc.image,
        c.at,
        containerFieldPath(c.name, 'image'),
        'image',
      );
    }
    const resources = [
      ['cpu request', c.cpuRequest, lc.resources?.requests?.cpu],
      ['memory request', c.memoryRequest, lc.resources?.requests?.memory],
      ['cpu limit', c.cpuLimit, lc.resources?.limits?.cpu],
      ['memory limit', c.memoryLimit, lc.resources?.limits?.memory],
    ] as const;
    for (const [what, d, l] of resources) {
      if (quantityDiffers(d, l)) {
        add(
          `${what} (${c.name})`,
          d ?? 'none',
          l ?? 'none',
          c.resourcesAt,
          containerFieldPath(c.name, 'resources'),
        );
      }
    }
    for (const [key, liveKey] of PROBES) {
      const d = c.probes?.[key];
      const l = lc[liveKey];
      if (probeDiffers(d, l)) {
        add(
          `${liveKey} (${c.name})`,
          probeText(d),
          probeText(l),
          d?.at ?? c.at,
          containerFieldPath(c.name, liveKey),
        );
      }
    }
  }
  return items;
}
