import type { AuthTier } from './authTiers';

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

/** A value that could not be resolved statically: the raw HCL expression text. */
export interface UnresolvedValue {
  unresolved: string;
}

/** A statically known value, or the expression it comes from. */
export type InfraValue<T> = T | UnresolvedValue;

export function isUnresolvedValue(value: unknown): value is UnresolvedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { unresolved?: unknown }).unresolved === 'string'
  );
}

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
  host: InfraValue<string>;
  authTier: InfraValue<AuthTier>;
  /** Path carve-outs of this ingress; absent means the whole host. */
  paths?: string[];
  anubis: boolean;
}

interface DetailsBase {
  /** Stack folder under `stacks/`. */
  stack: string;
  /** Kubernetes namespace, when the object has one. */
  namespace?: InfraValue<string>;
  /** Where the object is declared. */
  source: SourceRef;
}

/** Fields shared by everything that runs pods (services, poolers, databases run as workloads). */
export interface WorkloadFields {
  /** `deployment`, `stateful-set`, or `helm` for a workload a `helm_release` deploys. */
  workload: 'deployment' | 'stateful-set' | 'helm';
  /** Kubernetes object name of the Deployment/StatefulSet. */
  name: InfraValue<string>;
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
  };
}

/** Component of type `service`: a Deployment, StatefulSet or Helm-deployed workload. */
export interface ServiceDetails extends DetailsBase, WorkloadFields {
  kind: 'service';
  /** Databases the service uses (directly, not through a pooler). */
  databases: EntityLink[];
  /** Connection poolers the service goes through. */
  poolers: EntityLink[];
  ingresses: IngressSummary[];
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
}

/** Resource of type `ingress`: one `ingress_factory` call. */
export interface IngressDetails extends DetailsBase {
  kind: 'ingress';
  /** The `module` block label, e.g. `ingress_api`. */
  moduleName: string;
  host: InfraValue<string>;
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
  engine: 'postgresql' | 'mysql' | 'unknown';
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
}

export type InfraDetails =
  | ServiceDetails
  | CronJobDetails
  | IngressDetails
  | PdbDetails
  | PoolerDetails
  | DatabaseDetails
  | SystemDetails;

/**
 * Reads the details annotation value. Returns undefined for a missing or
 * malformed value rather than throwing, so a card can render what it has.
 */
export function parseInfraDetails(
  annotation: string | undefined,
): InfraDetails | undefined {
  if (!annotation) return undefined;
  try {
    const parsed = JSON.parse(annotation);
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof parsed.kind === 'string'
    ) {
      return parsed as InfraDetails;
    }
  } catch {
    // fall through
  }
  return undefined;
}
