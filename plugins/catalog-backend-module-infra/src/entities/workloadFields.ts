import {
  ContainerDetails,
  INFRA_ANNOTATIONS,
  LiveManagedDetails,
  PdbSummary,
  StorageDetails,
  WorkloadFields,
} from '@internal/backstage-plugin-infra-common';
import {
  ContainerModel,
  isUnresolved,
  LiveManagedField,
  PvcModel,
  Val,
  VolumeModel,
  WorkloadModel,
} from '@internal/backstage-plugin-infra-node';
import { EntityContext } from './context';
import { kubernetesAnnotations } from './metadata';
import { inlinePdbId } from './refs';
import { annotationText, plain, text } from './values';

export function containerDetails(c: ContainerModel): ContainerDetails {
  return plain({
    name: c.name,
    image: c.image,
    cpuRequest: c.cpuRequest,
    cpuLimit: c.cpuLimit,
    memoryRequest: c.memoryRequest,
    memoryLimit: c.memoryLimit,
  });
}

function storageDetails(ctx: EntityContext, p: PvcModel): StorageDetails {
  const cls = text(p.storageClass);
  return plain({
    claimName: p.name,
    storageClass: p.storageClass,
    size: p.size,
    accessModes: p.accessModes,
    encrypted: !!cls && /encrypted/.test(cls),
    storageLimit: p.storageLimit,
    type: p.type,
    source: ctx.src(p.source),
  });
}

/** The claims a pod mounts (with their PVC where it is declared) and its claim templates. */
export function storageOf(
  ctx: EntityContext,
  volumes: VolumeModel[],
  templates: PvcModel[],
  ns: Val<string> | undefined,
): StorageDetails[] {
  const mounted = volumes
    .filter(v => v.claimName !== undefined)
    .map((v): StorageDetails => {
      const pvc = ctx.index.pvcFor(v, ns);
      return pvc
        ? storageDetails(ctx, pvc)
        : {
            claimName: plain(v.claimName!),
            accessModes: [],
            encrypted: false,
            type: 'pvc',
          };
    });
  return [...mounted, ...templates.map(t => storageDetails(ctx, t))];
}

export function liveManagedDetails(
  ctx: EntityContext,
  fields: LiveManagedField[],
): LiveManagedDetails[] {
  return fields.map(f => {
    const out: LiveManagedDetails = {
      field: f.field,
      manager: f.manager,
      evidence: f.evidence,
    };
    if (f.at) out.source = ctx.src(f.at);
    return out;
  });
}

/** Kinds that run a fixed number of pods; DaemonSets run one per node, Jobs run to completion. */
const hasReplicas = (w: WorkloadModel) =>
  w.kind !== 'daemon-set' && w.kind !== 'job';

function pdbSummary(
  ctx: EntityContext,
  w: WorkloadModel,
): PdbSummary | undefined {
  const pdb = ctx.index.pdbOf(w.id);
  if (pdb) {
    const link = ctx.refs.link(pdb.id);
    return link
      ? {
          ...link,
          minAvailable: plain(pdb.minAvailable),
          maxUnavailable: plain(pdb.maxUnavailable),
        }
      : undefined;
  }
  const link = w.inlinePdb && ctx.refs.link(inlinePdbId(w.id));
  return link
    ? {
        ...link,
        minAvailable: plain(w.inlinePdb!.minAvailable),
        maxUnavailable: plain(w.inlinePdb!.maxUnavailable),
      }
    : undefined;
}

/** What every pod-running entity (service, pooler, database server) says about its workload. */
export function workloadFields(
  ctx: EntityContext,
  w: WorkloadModel,
): WorkloadFields {
  const first = w.containers[0];
  const release = ctx.index.releaseOf(w.id);
  const fields: WorkloadFields = {
    workload: w.kind,
    name: plain(w.name),
    replicas: hasReplicas(w) ? plain(w.replicas ?? 1) : undefined,
    criticalPath: w.criticalPath,
    strategy: plain(
      w.strategy ??
        (w.kind === 'deployment' && w.lifecycle ? 'RollingUpdate' : undefined),
    ),
    image: plain(first?.image),
    memoryRequest: plain(first?.memoryRequest),
    memoryLimit: plain(first?.memoryLimit),
    cpuRequest: plain(first?.cpuRequest),
    cpuLimit: plain(first?.cpuLimit),
    containers: w.containers.map(containerDetails),
    selector: w.selector,
    storage: storageOf(ctx, w.volumes, w.volumeClaimTemplates, w.namespace),
    pdb: pdbSummary(ctx, w),
    helm: w.helm
      ? {
          release: plain(w.helm.release),
          chart: plain(w.helm.chart),
          valuesFile: w.helm.valuesFile && ctx.src(w.helm.valuesFile),
          releaseEntity: release && ctx.refs.link(release.id),
        }
      : undefined,
    namespaceTier: plain(w.namespaceTier),
  };
  if (w.liveManaged.length)
    fields.liveManaged = liveManagedDetails(ctx, w.liveManaged);
  return fields;
}

/** Annotations of a pod-running entity: Kubernetes plugin, replicas, critical path, tier. */
export function workloadAnnotations(
  w: WorkloadModel,
): Record<string, string | undefined> {
  return {
    ...kubernetesAnnotations(w),
    [INFRA_ANNOTATIONS.replicas]: hasReplicas(w)
      ? annotationText(w.replicas ?? 1)
      : undefined,
    [INFRA_ANNOTATIONS.criticalPath]: String(w.criticalPath),
    [INFRA_ANNOTATIONS.tier]: annotationText(w.tier ?? w.namespaceTier),
  };
}

const KIND_NAMES: Record<WorkloadModel['kind'], string> = {
  deployment: 'Deployment',
  'stateful-set': 'StatefulSet',
  'daemon-set': 'DaemonSet',
  job: 'Job',
  helm: 'Helm workload',
};

/** `Deployment immich-server`, `server of Helm release goauthentik (...)`. */
export function describeWorkload(w: WorkloadModel): string {
  const name = text(w.name) ?? w.address;
  if (w.kind === 'helm') {
    const release = text(w.helm?.release);
    return `${w.helm?.component ?? 'workload'} of Helm release${
      release ? ` ${release}` : ''
    } (${name})`;
  }
  if (w.address.startsWith('authentik_outpost.'))
    return `authentik outpost deployment ${name}`;
  return `${KIND_NAMES[w.kind]} ${name}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "declared X, a seed; managed live by Y" for each live-managed field, for descriptions. */
export function describeLiveManaged(w: WorkloadModel): string {
  return w.liveManaged
    .map(f => {
      const declared = declaredValue(w, f.field);
      return ` ${capitalise(f.field)}: ${
        declared === undefined ? 'declared value' : `declared ${declared}`
      }, a seed; managed live by ${f.manager}.`;
    })
    .join('');
}

function declaredValue(w: WorkloadModel, field: string): string | undefined {
  const declared: Record<string, Val<unknown> | undefined> = {
    replicas: w.replicas,
    image: w.containers[0]?.image,
  };
  const v = declared[field];
  if (v === undefined) return undefined;
  return isUnresolved(v) ? `unresolved ${v.unresolved}` : String(v);
}
