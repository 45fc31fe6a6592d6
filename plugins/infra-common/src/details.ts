import type { AuthTier } from './authTiers';
import type { InfraValue } from './unresolved';

/**
 * The shape of the JSON object in the `infra.homelab/details` annotation
 * ({@link INFRA_ANNOTATIONS}.details). The catalog provider writes one per
 * entity it emits; the infra card reads it. Isomorphic: plain data only.
 *
 * Read it with {@link parseInfraDetails}; switch on `kind`.
 *
 * Values the provider could not resolve statically (a module output, a
 * variable without a default, a function call) are written as
 * {@link UnresolvedValue}: the raw Terraform expression, never a guess.
 */

/** Where something is declared: repo-relative path, 1-based line. */
export interface SourceRef {
  /** Repo-relative path, e.g. `stacks/authentik/modules/authentik/pgbouncer.tf`. */
  file: string;
  /** 1-based line of the block (or the YAML/INI key) that declares it. */
  line: number;
  /** Browser URL of that file and line, when the provider knows the repo's web address. */
  url?: string;
}

/** A link to another entity the provider emitted. */
export interface EntityLink {
  /** Full entity ref, e.g. `resource:default/authentik-pgbouncer`. */
  ref: string;
  /** Display name (the Kubernetes object name where there is one). */
  name: string;
}

/** CPU and memory of one container, as written (Kubernetes quantities). */
export interface ContainerResources {
  cpuRequest?: InfraValue<string>;
  cpuLimit?: InfraValue<string>;
  memoryRequest?: InfraValue<string>;
  memoryLimit?: InfraValue<string>;
}

export interface ContainerDetails extends ContainerResources {
  name: InfraValue<string>;
  image?: InfraValue<string>;
}

/** A persistent volume a workload mounts. */
export interface StorageDetails {
  /** PVC name (or the StatefulSet volume claim template name). */
  claimName: InfraValue<string>;
  /** e.g. `proxmox-lvm-encrypted`, `proxmox-lvm`, `nfs-truenas`. */
  storageClass?: InfraValue<string>;
  /** Requested size, e.g. `1Gi` (the autoresizer may have grown it since). */
  size?: InfraValue<string>;
  /** e.g. `['ReadWriteOnce']`. */
  accessModes: string[];
  /** True when the storage class is an encrypted one (`*-encrypted`). */
  encrypted: boolean;
  /** Autoresizer ceiling (`resize.topolvm.io/storage_limit`), when set. */
  storageLimit?: InfraValue<string>;
  /** `nfs` for an `nfs_volume` module or NFS volume, otherwise `pvc`. */
  type: 'pvc' | 'nfs' | 'volume-claim-template';
  source?: SourceRef;
}

/** The PDB that selects a workload. */
export interface PdbSummary extends EntityLink {
  minAvailable?: InfraValue<number | string>;
  maxUnavailable?: InfraValue<number | string>;
}

/** One ingress in front of a workload. */
export interface IngressSummary extends EntityLink {
  /** The full hostname (`app.example.org`), or the expression it comes from. */
  host: InfraValue<string>;
  authTier: InfraValue<AuthTier>;
  /** Path carve-outs of this ingress; absent means the whole host. */
  paths?: string[];
  anubis: boolean;
}

/**
 * Which instance of a Terraform block an entity is, once `count` /
 * `for_each` are expanded (on the block and every module call above it).
 */
export interface InstanceDetails {
  /** Full Terraform address, e.g. `module.app["web"].kubernetes_deployment.this[0]`. */
  address: string;
  /** The `for_each` key or `count` index the entity is named by. */
  key?: string | number;
  /**
   * Set when a `count` / `for_each` is not static: the entity then stands
   * for an unknown number of instances; this is the expression.
   */
  countUnknown?: string;
}

/**
 * A field whose declared value is only a seed because something else
 * manages it live (Terraform's `ignore_changes` hands it over): the image
 * under Keel, replicas under an autoscaler. Never show the declared value
 * as the running one.
 */
export interface LiveManagedDetails {
  /** `image`, `replicas`, ... */
  field: string;
  /** Who manages it live, as far as the source says (`Keel`, `autoscaler`, ...). */
  manager: string;
  /** The `ignore_changes` entry or marker that says so. */
  evidence: string;
  source?: SourceRef;
}

interface DetailsBase {
  /** Stack folder under `stacks/`. */
  stack: string;
  /** Kubernetes namespace, when the object has one. */
  namespace?: InfraValue<string>;
  /** Where the object is declared. */
  source: SourceRef;
  /** Set when the object is one instance of a `count` / `for_each` block. */
  instance?: InstanceDetails;
}

/** Fields shared by everything that runs pods (services, poolers, databases run as workloads). */
export interface WorkloadFields {
  /** The Kubernetes kind, or `helm` for a workload a `helm_release` deploys. */
  workload: 'deployment' | 'stateful-set' | 'daemon-set' | 'job' | 'helm';
  /** Kubernetes object name of the Deployment/StatefulSet. */
  name: InfraValue<string>;
  /**
   * Replicas as declared (1 when not written). Absent for DaemonSets (one
   * pod per node) and Jobs. When `liveManaged` names `replicas`, this is
   * only the seed.
   */
  replicas?: InfraValue<number>;
  /** True when the workload is on the critical path (scaled to 3, PDB minAvailable 2). */
  criticalPath: boolean;
  /** `Recreate` or `RollingUpdate` (the Kubernetes default when not written). */
  strategy?: InfraValue<string>;
  /** Image of the first container. */
  image?: InfraValue<string>;
  /** Resources of the first container (all containers are in `containers`). */
  memoryRequest?: InfraValue<string>;
  memoryLimit?: InfraValue<string>;
  cpuRequest?: InfraValue<string>;
  cpuLimit?: InfraValue<string>;
  containers: ContainerDetails[];
  /** Pod labels the workload selects on, e.g. `{ app: 'pgbouncer' }`. */
  selector?: Record<string, string>;
  storage: StorageDetails[];
  pdb?: PdbSummary;
  /** For `helm`: the release and chart it comes from. */
  helm?: {
    release: InfraValue<string>;
    chart: InfraValue<string>;
    valuesFile?: SourceRef;
    /** The `helm-release` entity. */
    releaseEntity?: EntityLink;
  };
  /** Fields whose declared value is only a seed (see {@link LiveManagedDetails}). */
  liveManaged?: LiveManagedDetails[];
  /** Tier label (`0-core` ... `4-aux`) of the namespace, when known. */
  namespaceTier?: InfraValue<string>;
}

/**
 * A Component that runs pods: `service` (a Deployment, StatefulSet or
 * Helm-deployed workload), `daemon-set` or `job`. The kind equals the
 * entity's `spec.type`.
 */
export interface ServiceDetails extends DetailsBase, WorkloadFields {
  kind: 'service' | 'daemon-set' | 'job';
  /** Databases the service uses (directly, not through a pooler). */
  databases: EntityLink[];
  /** Connection poolers the service goes through. */
  poolers: EntityLink[];
  ingresses: IngressSummary[];
  /** Set when this workload is an Anubis instance: the ingresses it guards. */
  anubisFor?: EntityLink[];
}

/** Component of type `cronjob`. */
export interface CronJobDetails extends DetailsBase {
  kind: 'cronjob';
  name: InfraValue<string>;
  schedule?: InfraValue<string>;
  image?: InfraValue<string>;
  memoryRequest?: InfraValue<string>;
  memoryLimit?: InfraValue<string>;
  cpuRequest?: InfraValue<string>;
  cpuLimit?: InfraValue<string>;
  containers: ContainerDetails[];
  storage: StorageDetails[];
  databases: EntityLink[];
  poolers: EntityLink[];
  namespaceTier?: InfraValue<string>;
}

/** Resource of type `ingress`: one `ingress_factory` call or one plain `kubernetes_ingress_v1`. */
export interface IngressDetails extends DetailsBase {
  kind: 'ingress';
  /** `factory` for an `ingress_factory` call, `plain` for a `kubernetes_ingress_v1`. Absent: `factory`. */
  ingressKind?: 'factory' | 'plain';
  /** The `module` block label, e.g. `ingress_api` (the resource name of a plain ingress). */
  moduleName: string;
  /** The full hostname (`app.example.org`), or the expression it comes from. */
  host: InfraValue<string>;
  /** More hosts of a plain ingress with several rules. */
  extraHosts?: string[];
  /** `https://<host><first path>`, only when the host is a resolved full hostname. */
  url?: string;
  /** `gethomepage.dev/name`, when the ingress declares it. */
  homepageName?: string;
  /** `gethomepage.dev/description`, when the ingress declares it. */
  homepageDescription?: string;
  authTier: InfraValue<AuthTier>;
  /** True when `auth` is not written and the fail-closed default applies. */
  authDefaulted: boolean;
  /** Line of the `auth = ...` attribute, when written. */
  authLine?: number;
  /** The reason in the comment above `auth = "app"|"none"`, when present. */
  justification?: string;
  /** `proxied`, `non-proxied` or `none`. */
  dnsType?: InfraValue<string>;
  anubis: boolean;
  /** The `anubis_instance` module the ingress points at, when Anubis fronts it. */
  anubisInstance?: string;
  /** The Anubis Deployment and its PDB, when the model found them. */
  anubisWorkload?: EntityLink;
  anubisPdb?: EntityLink;
  antiAiScraping?: InfraValue<boolean>;
  /** `ingress_path` carve-outs; absent means the whole host. */
  paths?: string[];
  /** The Kubernetes Service the ingress sends traffic to. */
  service: { name: InfraValue<string>; port?: InfraValue<number | string> };
  /** The workload entity behind the service, when found. */
  target?: EntityLink;
}

/** Resource of type `pod-disruption-budget`. */
export interface PdbDetails extends DetailsBase {
  kind: 'pod-disruption-budget';
  name: InfraValue<string>;
  minAvailable?: InfraValue<number | string>;
  maxUnavailable?: InfraValue<number | string>;
  selector?: Record<string, string>;
  /** The workload entities whose pods it selects. */
  selects: EntityLink[];
}

/** Settings read from `pgbouncer.ini` (`[pgbouncer]` section), as written. */
export interface PoolerSettings {
  pool_mode?: string;
  default_pool_size?: number;
  reserve_pool_size?: number;
  max_client_conn?: number;
  idle_transaction_timeout?: number;
  /** Any other key of the `[pgbouncer]` section except credentials. */
  [key: string]: string | number | undefined;
}

/** One entry of the `[databases]` section. Never carries credentials. */
export interface PooledDatabase {
  /** The name clients connect to. */
  name: string;
  host?: string;
  port?: number;
  dbname?: string;
  /** The database entity behind it, when found. */
  target?: EntityLink;
}

/** Resource of type `connection-pooler` (PgBouncer). */
export interface PoolerDetails extends DetailsBase, WorkloadFields {
  kind: 'connection-pooler';
  settings: PoolerSettings;
  databases: PooledDatabase[];
  /** The `.ini` the settings come from. */
  iniFile?: SourceRef;
  /** Kubernetes Service clients connect to, e.g. `pgbouncer.authentik.svc.cluster.local`. */
  serviceHost?: string;
}

/** Resource of type `database`. */
export interface DatabaseDetails extends DetailsBase {
  kind: 'database';
  engine: 'postgresql' | 'mysql' | 'redis' | 'mongodb' | 'unknown';
  /**
   * How the repo declares it: `cnpg-cluster`, `workload`,
   * `terraform-resource`, `vault-static-role`, `create-database`,
   * `workload-config`.
   */
  declaredBy?: string;
  /**
   * `cluster` for a database server (a CNPG cluster, a MySQL StatefulSet),
   * `database` for one logical database on a server.
   */
  role: 'cluster' | 'database';
  name: InfraValue<string>;
  /** For `database`: the server it lives on. */
  server?: EntityLink;
  /** Host names clients use, e.g. `pg-cluster-rw.dbaas.svc.cluster.local`. */
  hosts: string[];
  instances?: InfraValue<number>;
  image?: InfraValue<string>;
  storage: StorageDetails[];
  /** Set when the server runs as a plain StatefulSet written in the stack. */
  workload?: WorkloadFields;
}

/** A value a Helm release's values declare, with the key and where it is written. */
export interface DeclaredValue<T> {
  value: InfraValue<T>;
  /** Values key, e.g. `server.replicas`. */
  key: string;
  source: SourceRef;
}

/** Resource of type `helm-release`: one `helm_release`, whatever the chart. */
export interface HelmReleaseDetails extends DetailsBase {
  kind: 'helm-release';
  /** Release name. */
  name: InfraValue<string>;
  chart: InfraValue<string>;
  repository?: InfraValue<string>;
  version?: InfraValue<string>;
  /** Values files read (files and `templatefile`s), in order. */
  valuesFiles: SourceRef[];
  /** Values the model could not read (a non-static expression, a missing file), as written. */
  valuesUnresolved: string[];
  /** What the values declare; a key is absent when the values do not set it. */
  declared: {
    replicas?: DeclaredValue<number>;
    pdb?: {
      minAvailable?: InfraValue<number | string>;
      maxUnavailable?: InfraValue<number | string>;
      enabled?: boolean;
      key: string;
      source: SourceRef;
    };
    imageTag?: DeclaredValue<string>;
    imageRepository?: DeclaredValue<string>;
    resources?: ContainerResources & { key: string; source: SourceRef };
  };
  /** The workload entities the release deploys (charts whose workloads the model knows). */
  workloads: EntityLink[];
  /** Live-managed fields of those workloads (an image tag pin under Keel is only a seed). */
  liveManaged: LiveManagedDetails[];
}

/** A file of the stack that was not read, and why (`encrypted`, `too-large`, ...). */
export interface SkippedFileDetails {
  file: string;
  /** `encrypted`, `too-large`, `too-deep`, `binary`, `parser-failed`, or a newer reason. */
  reason: string;
  message: string;
}

/** A Terragrunt `dependency` block: the stack reads another stack's outputs. */
export interface StackDependencyDetails {
  /** The block label. */
  name: string;
  /** `config_path` as written. */
  configPath: string;
  /** The stack folder `config_path` points at, when it names one. */
  stack?: string;
  /** The System of that stack, when it exists. */
  target?: EntityLink;
  source: SourceRef;
}

/** System: one stack. */
export interface SystemDetails {
  kind: 'system';
  stack: string;
  /** The stack folder, e.g. `stacks/authentik`. */
  source: SourceRef;
  /** Files read for this stack (repo-relative). */
  files: string[];
  /** Namespaces the stack's objects live in. */
  namespaces: string[];
  /** True when a file of the stack does not parse (see the findings annotation). */
  hasParseErrors: boolean;
  /** Files not read on purpose or by limit (encrypted, too large), never parse errors. */
  skippedFiles?: SkippedFileDetails[];
  /** Terragrunt `dependency` blocks. */
  dependencies?: StackDependencyDetails[];
}

export type InfraDetails =
  | ServiceDetails
  | CronJobDetails
  | IngressDetails
  | PdbDetails
  | PoolerDetails
  | DatabaseDetails
  | HelmReleaseDetails
  | SystemDetails;

/** The details annotation as read: missing, unreadable (with why), or parsed. */
export type ParsedInfraDetails =
  | { state: 'missing' }
  | { state: 'invalid'; reason: string }
  | { state: 'parsed'; details: InfraDetails };

/**
 * Reads the details annotation value, the one reader of it: a card says
 * "missing" or "unreadable" (with the reason) instead of rendering an empty
 * card, and never throws.
 */
export function readInfraDetails(
  annotation: string | undefined,
): ParsedInfraDetails {
  if (annotation === undefined || annotation.trim() === '')
    return { state: 'missing' };
  let value: unknown;
  try {
    value = JSON.parse(annotation);
  } catch {
    return { state: 'invalid', reason: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { state: 'invalid', reason: 'not a JSON object' };
  }
  if (typeof (value as { kind?: unknown }).kind !== 'string') {
    return { state: 'invalid', reason: 'no kind' };
  }
  return { state: 'parsed', details: value as InfraDetails };
}

/** The details when they are readable, else undefined (for code that only needs the data). */
export function parseInfraDetails(
  annotation: string | undefined,
): InfraDetails | undefined {
  const read = readInfraDetails(annotation);
  return read.state === 'parsed' ? read.details : undefined;
}
