import type { AuthTier } from '@internal/backstage-plugin-infra-common';
import type { HclComment, HclParseError } from '../hcl/types';
import type { HclValue, Unresolved } from '../hcl/values';

/** A resolved value, or the raw expression it could not be resolved from. */
export type Val<T> = T | Unresolved;

export interface SourcePos {
  /** Repo-relative path. */
  file: string;
  /** 1-based line. */
  line: number;
}

export interface ContainerModel {
  name: Val<string>;
  image?: Val<string>;
  cpuRequest?: Val<string>;
  cpuLimit?: Val<string>;
  memoryRequest?: Val<string>;
  memoryLimit?: Val<string>;
  /** Where the resources are written (the `resources` block or values key), else the container. */
  resourcesAt: SourcePos;
  /** Where `limits.cpu` is written, when it is. */
  cpuLimitAt?: SourcePos;
  env: EnvVar[];
}

export interface EnvVar {
  name: string;
  /** Resolved value; absent for `value_from` (secret or config map refs). */
  value?: HclValue;
  at: SourcePos;
}

export interface VolumeModel {
  name: Val<string>;
  /** `persistent_volume_claim.claim_name`. */
  claimName?: Val<string>;
  /** True for an NFS volume (`nfs` block or an `nfs_volume` module's claim). */
  nfs?: boolean;
  configMap?: Val<string>;
}

export interface PvcModel {
  id: string;
  stack: string;
  name: Val<string>;
  namespace?: Val<string>;
  storageClass?: Val<string>;
  size?: Val<string>;
  accessModes: string[];
  storageLimit?: Val<string>;
  type: 'pvc' | 'nfs' | 'volume-claim-template';
  source: SourcePos;
}

export interface LifecycleModel {
  /** `ignore_changes` entries as written, e.g. `spec[0].template[0].spec[0].dns_config`. */
  ignoreChanges: string[];
  /** True when a comment inside the `lifecycle` block carries `KYVERNO_LIFECYCLE_V1`. */
  kyvernoMarker: boolean;
  source?: SourcePos;
}

export type WorkloadRole = 'service' | 'pooler' | 'database';

export interface HelmRef {
  release: Val<string>;
  chart: Val<string>;
  /** `server`, `worker`, ... */
  component: string;
  valuesFile?: SourcePos;
}

export interface InlinePdb {
  minAvailable?: Val<number | string>;
  maxUnavailable?: Val<number | string>;
  source: SourcePos;
}

/** A Deployment, StatefulSet, or a workload a Helm chart or an operator deploys. */
export interface WorkloadModel {
  /** Unique within the model: `<file>:<line>[#component]`. */
  id: string;
  stack: string;
  kind: 'deployment' | 'stateful-set' | 'helm';
  /** Terraform address, e.g. `kubernetes_deployment.pgbouncer`. */
  address: string;
  role: WorkloadRole;
  /** For a `database` role: the engine its image runs. */
  engine?: 'postgresql' | 'mysql';
  name: Val<string>;
  namespace?: Val<string>;
  labels: Record<string, string>;
  /** Labels of the pod template. */
  podLabels: Record<string, string>;
  /** `match_labels` of the selector (or the chart's known pod labels). */
  selector?: Record<string, string>;
  /** Undefined when not written (Kubernetes then runs 1). */
  replicas?: Val<number>;
  replicasAt?: SourcePos;
  strategy?: Val<string>;
  strategyAt?: SourcePos;
  containers: ContainerModel[];
  volumes: VolumeModel[];
  volumeClaimTemplates: PvcModel[];
  /** Undefined for Helm and operator workloads (no Terraform lifecycle to check). */
  lifecycle?: LifecycleModel;
  criticalPath: boolean;
  tier?: Val<string>;
  helm?: HelmRef;
  /** PDB settings that come with the workload (Helm values). */
  inlinePdb?: InlinePdb;
  source: SourcePos;
}

export interface CronJobModel {
  id: string;
  stack: string;
  address: string;
  name: Val<string>;
  namespace?: Val<string>;
  schedule?: Val<string>;
  containers: ContainerModel[];
  volumes: VolumeModel[];
  lifecycle: LifecycleModel;
  source: SourcePos;
}

export interface PdbModel {
  id: string;
  stack: string;
  address: string;
  name: Val<string>;
  namespace?: Val<string>;
  minAvailable?: Val<number | string>;
  maxUnavailable?: Val<number | string>;
  selector?: Record<string, string>;
  source: SourcePos;
}

export interface ServiceModel {
  id: string;
  stack: string;
  name: Val<string>;
  namespace?: Val<string>;
  selector?: Record<string, string>;
  source: SourcePos;
}

export interface IngressModel {
  id: string;
  stack: string;
  /** The `module` block label. */
  moduleName: string;
  namespace?: Val<string>;
  host: Val<string>;
  authTier: Val<AuthTier | string>;
  authDefaulted: boolean;
  authAt?: SourcePos;
  /** The own-line comments directly above `auth = ...`. */
  authComments: HclComment[];
  /** The reason in a `# auth = "<tier>": <reason>` comment, when it matches the tier. */
  justification?: string;
  dnsType?: Val<string>;
  antiAiScraping?: Val<boolean>;
  paths?: string[] | Unresolved;
  serviceName: Val<string>;
  port?: Val<number | string>;
  /** Name of the `anubis_instance` module the ingress sends traffic to. */
  anubis?: string;
  source: SourcePos;
}

export interface AnubisModel {
  id: string;
  stack: string;
  moduleName: string;
  namespace?: Val<string>;
  serviceName?: Val<string>;
  targetUrl?: Val<string>;
  source: SourcePos;
}

export interface PoolerModel {
  /** The PgBouncer workload. */
  workload: WorkloadModel;
  settings: Record<string, string | number>;
  databases: Array<{
    name: string;
    host?: string;
    port?: number;
    dbname?: string;
  }>;
  iniFile?: SourcePos;
}

export interface DatabaseModel {
  id: string;
  stack: string;
  engine: 'postgresql' | 'mysql' | 'unknown';
  role: 'cluster' | 'database';
  name: Val<string>;
  namespace?: Val<string>;
  /** Host names that reach it. */
  hosts: string[];
  instances?: Val<number>;
  image?: Val<string>;
  storage: PvcModel[];
  /** For `database`: id of the server it lives on. */
  serverId?: string;
  /** For a server run as a StatefulSet written in the stack. */
  workload?: WorkloadModel;
  source: SourcePos;
}

/** What a workload or cron job connects to, found from its env values. */
export interface DependencyModel {
  fromId: string;
  toId: string;
  toKind: 'pooler' | 'database';
}

export interface StackModel {
  name: string;
  /** `stacks/<name>`. */
  dir: string;
  files: string[];
  parseErrors: HclParseError[];
  namespaces: string[];
  /** `tier` label of the namespaces the stack creates, by namespace name. */
  namespaceTiers: Record<string, string>;
  workloads: WorkloadModel[];
  cronJobs: CronJobModel[];
  pdbs: PdbModel[];
  services: ServiceModel[];
  pvcs: PvcModel[];
  ingresses: IngressModel[];
  anubis: AnubisModel[];
  poolers: PoolerModel[];
  databases: DatabaseModel[];
}

export interface InfraModel {
  stacks: StackModel[];
  /** Which PDB protects which workload (PDB id to workload ids). */
  pdbTargets: Map<string, string[]>;
  /** Ingress id to the workload id behind its service. */
  ingressTargets: Map<string, string>;
  dependencies: DependencyModel[];
  /** Every parse error in the repo, stacks' and shared modules'. */
  parseErrors: HclParseError[];
  /** Number of files read. */
  fileCount: number;
}
