import type {
  ContainerProbes,
  LiveManagedField,
  SourcePos,
  WorkloadKind,
} from '@internal/backstage-plugin-infra-node';

/** A container as Terraform declares it, with only resolved values. */
export interface DeclaredContainer {
  name: string;
  image?: string;
  cpuRequest?: string;
  cpuLimit?: string;
  memoryRequest?: string;
  memoryLimit?: string;
  resourcesAt: SourcePos;
  probes?: ContainerProbes;
  at: SourcePos;
}

/** A workload of a derived target: its Kubernetes name and what the `.tf` declares. */
export interface DerivedWorkload {
  name: string;
  kind: WorkloadKind;
  criticalPath: boolean;
  /** Set for workloads a Helm chart renders (declared in values, not in a Terraform resource). */
  helmRelease?: string;
  replicas?: number;
  replicasAt?: SourcePos;
  strategy?: string;
  strategyAt?: SourcePos;
  containers: DeclaredContainer[];
  /** Fields Terraform hands to something else (Keel images, autoscaled replicas). */
  liveManaged: LiveManagedField[];
  source: SourcePos;
}

/** A `helm_release` of a derived target and the pin its values declare. */
export interface DerivedHelmRelease {
  name: string;
  chart: string;
  version?: string;
  /** The values key that pins the image tag, when the values declare one. */
  imageTag?: { value: string; key: string; at: SourcePos };
  source: SourcePos;
}

/**
 * What the infra model says a stack runs in one namespace: the target the
 * rollout checks judge. Names come from the Terraform, never from config.
 */
export interface DerivedTargetSpec {
  stack: string;
  namespace: string;
  workloads: DerivedWorkload[];
  helmReleases: DerivedHelmRelease[];
  /** Regular expressions that mark a live workload a chart renders as critical-path. */
  criticalPathPatterns: string[];
  /** What could not be derived (an unresolved name or namespace), with why. */
  skipped: string[];
}
