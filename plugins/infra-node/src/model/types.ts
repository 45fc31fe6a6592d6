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
  /** `command` and `args` as text (unknown parts as their expression), for what the container connects to. */
  commands?: string[];
  /** Probes as written (`liveness_probe`, `readiness_probe`, `startup_probe`); absent when not written. */
  probes?: ContainerProbes;
}

/** A container probe's timing as written; unwritten fields take Kubernetes' defaults at run time. */
export interface ProbeModel {
  /** `http-get`, `tcp-socket`, `exec` or `grpc`; undefined when no handler block is written. */
  handler?: 'http-get' | 'tcp-socket' | 'exec' | 'grpc';
  initialDelaySeconds?: Val<number>;
  periodSeconds?: Val<number>;
  timeoutSeconds?: Val<number>;
  failureThreshold?: Val<number>;
  successThreshold?: Val<number>;
  at: SourcePos;
}

export interface ContainerProbes {
  liveness?: ProbeModel;
  readiness?: ProbeModel;
  startup?: ProbeModel;
}

export interface EnvVar {
  name: string;
  /** Resolved value; absent for `value_from` (secret or config map refs). */
  value?: HclValue;
  /** `value_from.secret_key_ref` (or an `env_from` secret, with no key): the Secret it reads. */
  fromSecret?: { name: string; key?: string };
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

/**
 * Which instance of a block this is, once `count` / `for_each` on the
 * resource and on every module call above it are expanded.
 */
export interface InstanceInfo {
  /** Full Terraform address, e.g. `module.app["web"].kubernetes_deployment.this[0]`. */
  address: string;
  /** Module path of the instance, e.g. `module.app["web"]`; empty at the stack root. */
  modulePath: string;
  /** The `each.key` / `count.index` of the innermost expanded block, when there is one. */
  key?: string | number;
  /**
   * Set when a `count` / `for_each` above or on this block is not static:
   * the model then holds one representative instance and keeps the
   * expression here ("instance count unknown").
   */
  countUnknown?: string;
}

/**
 * A declared value that something else manages live, because Terraform's
 * `ignore_changes` hands the field over (Keel for images, an autoscaler or
 * an on-demand scaler for replicas). The declared value is only a seed.
 */
export interface LiveManagedField {
  /** `image` or `replicas` (or another field the lifecycle names). */
  field: string;
  /** Who manages it live, as far as the source says (`Keel`, `autoscaler`, ...). */
  manager: string;
  /** The `ignore_changes` entry or marker that says so. */
  evidence: string;
  at?: SourcePos;
}

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

export type WorkloadKind =
  | 'deployment'
  | 'stateful-set'
  | 'daemon-set'
  | 'job'
  | 'helm';

/** A Deployment, StatefulSet, DaemonSet, Job, or a workload a Helm chart or an operator deploys. */
export interface WorkloadModel {
  /** Unique within the model: `<file>:<line>[<instance key>][#component]`. */
  id: string;
  stack: string;
  kind: WorkloadKind;
  /** Terraform address, e.g. `kubernetes_deployment.pgbouncer`. */
  address: string;
  role: WorkloadRole;
  /** For a `database` role: the engine its image runs. */
  engine?: DatabaseEngine;
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
  instance?: InstanceInfo;
  /** Fields whose declared value is only a seed (see {@link LiveManagedField}). */
  liveManaged: LiveManagedField[];
  /** Namespace tier (`0-core` ... `4-aux`) from the namespace's `tier` label, when known. */
  namespaceTier?: Val<string>;
  source: SourcePos;
}

/** Every `helm_release`, whatever the chart: what it installs and what its values declare. */
export interface HelmReleaseModel {
  id: string;
  stack: string;
  address: string;
  instance?: InstanceInfo;
  name: Val<string>;
  namespace?: Val<string>;
  chart: Val<string>;
  repository?: Val<string>;
  version?: Val<string>;
  /** Where the values were read from, in order: files, `templatefile`s, and inline `yamlencode` (at its line). */
  valuesFiles: SourcePos[];
  /** Set when some values could not be read (a non-static expression, a missing file). */
  valuesUnresolved: string[];
  /** What the values declare, with where each is written; absent when not declared. */
  declared: {
    replicas?: { value: Val<number>; at: SourcePos; key: string };
    pdb?: {
      minAvailable?: Val<number | string>;
      maxUnavailable?: Val<number | string>;
      enabled?: boolean;
      at: SourcePos;
      key: string;
    };
    imageTag?: { value: Val<string>; at: SourcePos; key: string };
    imageRepository?: { value: Val<string>; at: SourcePos; key: string };
    resources?: {
      cpuRequest?: Val<string>;
      cpuLimit?: Val<string>;
      memoryRequest?: Val<string>;
      memoryLimit?: Val<string>;
      at: SourcePos;
      key: string;
    };
  };
  /** Ids of the workloads the model expanded this release into (known charts only). */
  workloadIds: string[];
  source: SourcePos;
}

export interface CronJobModel {
  id: string;
  stack: string;
  address: string;
  instance?: InstanceInfo;
  name: Val<string>;
  namespace?: Val<string>;
  schedule?: Val<string>;
  containers: ContainerModel[];
  volumes: VolumeModel[];
  lifecycle: LifecycleModel;
  namespaceTier?: Val<string>;
  source: SourcePos;
}

export interface PdbModel {
  id: string;
  stack: string;
  address: string;
  instance?: InstanceInfo;
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
  /** `factory` for an `ingress_factory`-style module call, `plain` for a `kubernetes_ingress_v1`. */
  kind: 'factory' | 'plain';
  /** The `module` block label (or the resource name of a plain ingress). */
  moduleName: string;
  instance?: InstanceInfo;
  namespace?: Val<string>;
  /** The full hostname (`app.example.org`), resolved the way Terraform would. */
  host: Val<string>;
  /** More hosts when a plain ingress has several rules. */
  extraHosts?: string[];
  /** `gethomepage.dev/name`, when the ingress declares it. */
  title?: string;
  /** `gethomepage.dev/description`, when the ingress declares it. */
  description?: string;
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
  instance?: InstanceInfo;
  /** The Deployment and PDB the instance's module creates (their workload / PDB ids). */
  workloadId?: string;
  pdbId?: string;
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

export type DatabaseEngine =
  | 'postgresql'
  | 'mysql'
  | 'redis'
  | 'mongodb'
  | 'unknown';

/** How the repo declares a database (the evidence the model found). */
export type DatabaseDeclaration =
  /** A CloudNativePG `Cluster` manifest. */
  | 'cnpg-cluster'
  /** A StatefulSet or Deployment running a database image. */
  | 'workload'
  /** A `postgresql_database` / `mysql_database` resource. */
  | 'terraform-resource'
  /** A Vault database secrets-engine static role naming the database. */
  | 'vault-static-role'
  /** A Job, CronJob or `null_resource` whose command runs `CREATE DATABASE`. */
  | 'create-database'
  /** A host/database variable a workload reads (only the name is known). */
  | 'workload-config';

export interface DatabaseModel {
  id: string;
  stack: string;
  engine: DatabaseEngine;
  /** `cluster`: a server; `database`: a database on a server. */
  role: 'cluster' | 'database';
  declaredBy: DatabaseDeclaration;
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
  /** For `vault-static-role`: the role's name, which secrets read credentials by. */
  vaultRole?: string;
  /** Text that says where its server is (the command that creates it), when the source has it. */
  connection?: string;
  /**
   * Set when the same database (same server, same name) is declared again
   * elsewhere, on all but one of them: the id of the one that stands for
   * it. Relations point at that one; the catalog shows one entity.
   */
  sameAs?: string;
  /** On the one that stands for it: the other declarations of the same database. */
  alsoDeclared?: Array<{ declaredBy: DatabaseDeclaration; source: SourcePos }>;
  source: SourcePos;
}

/**
 * A Secret the stack writes (a `kubernetes_secret`, or the target of an
 * ExternalSecret), with the texts it is made of: what a workload that reads
 * it connects to is written there (a connection string's host).
 */
export interface SecretModel {
  name: string;
  namespace?: string;
  /** Values as far as static, with the expression's text where they are not. */
  texts: string[];
  /** Keys it reads from a secret store (`remoteRef.key`), e.g. a database role's credentials path. */
  remoteKeys: string[];
}

/** What a workload or cron job connects to, found from its env values. */
export interface DependencyModel {
  fromId: string;
  toId: string;
  toKind: 'pooler' | 'database';
}

/** A Terragrunt `dependency` block: this stack reads another stack's outputs. */
export interface StackDependencyModel {
  /** The block label. */
  name: string;
  /** `config_path` as written. */
  configPath: string;
  /** The stack it points at, when `config_path` resolves to `stacks/<name>`. */
  stack?: string;
  source: SourcePos;
}

/** A file the model could not read on purpose or by limit, with why. */
export interface SkippedFile {
  file: string;
  reason: 'encrypted' | 'too-large' | 'too-deep' | 'binary' | 'parser-failed';
  message: string;
}

export interface StackModel {
  name: string;
  /** `stacks/<name>`. */
  dir: string;
  files: string[];
  parseErrors: HclParseError[];
  /** Files of the stack that were not read (encrypted, over a limit). */
  skippedFiles: SkippedFile[];
  /** Terragrunt `dependency` blocks of the stack. */
  dependencies: StackDependencyModel[];
  /** Helm releases of the stack. */
  helmReleases: HelmReleaseModel[];
  /** Secrets the stack writes, for linking what reads them (absent in hand-built models). */
  secrets?: SecretModel[];
  /**
   * Repo files outside the stack folder its evaluation read (shared
   * modules, the root Terragrunt file, var files, values files), and the
   * folders it listed (with a trailing `/`): what a change must touch to
   * change this stack.
   */
  reads?: string[];
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
  /** Every file not read (encrypted, over a limit), repo-wide. */
  skippedFiles: SkippedFile[];
  /** Number of files read. */
  fileCount: number;
}
